-- Operations: the exact file SQL Server writes, which instance runs it and when it last said so (a lease other
-- instances respect), the backup set it made and how RESTORE VERIFYONLY judged it.
ALTER TABLE backup_operation ADD device_path NVARCHAR(600);
ALTER TABLE backup_operation ADD owner VARCHAR(100);
ALTER TABLE backup_operation ADD heartbeat_at DATETIME2(6);
ALTER TABLE backup_operation ADD backup_set_id VARCHAR(36);
ALTER TABLE backup_operation ADD verify_status VARCHAR(20);
CREATE INDEX ix_backup_operation_database ON backup_operation (database_id, created_at);

-- A retried request must be the same request.
ALTER TABLE idempotency_key ADD request_fingerprint VARCHAR(64);

-- Offsite copies are claimed one at a time (a lease), retried with backoff, and can be abandoned or deleted.
ALTER TABLE offsite_copy ADD state VARCHAR(20);
ALTER TABLE offsite_copy ADD stripe INT;
ALTER TABLE offsite_copy ADD source_path NVARCHAR(600);
ALTER TABLE offsite_copy ADD destination_path NVARCHAR(600);
ALTER TABLE offsite_copy ADD restore_path NVARCHAR(600);
ALTER TABLE offsite_copy ADD site_id VARCHAR(36);
ALTER TABLE offsite_copy ADD attempts INT;
ALTER TABLE offsite_copy ADD next_attempt_at DATETIME2(6);
ALTER TABLE offsite_copy ADD claimed_by VARCHAR(100);
ALTER TABLE offsite_copy ADD lease_until DATETIME2(6);
ALTER TABLE offsite_copy ADD manifest_path NVARCHAR(700);
ALTER TABLE offsite_copy ADD deleted_at DATETIME2(6);
ALTER TABLE offsite_copy ADD revision BIGINT;
UPDATE offsite_copy SET state = CASE WHEN verified_at IS NOT NULL THEN 'VERIFIED' ELSE 'ABANDONED' END, stripe = 1,
       attempts = 1, revision = 0, destination_path = path;
CREATE INDEX ix_offsite_copy_state ON offsite_copy (state, next_attempt_at);

-- Where SQL Servers at the destination's site open the folder (a UNC path or a local one), beside the path this
-- service writes to.
ALTER TABLE policy_destination ADD sql_server_path NVARCHAR(400);

-- Transfer tuning for BACKUP (MAXTRANSFERSIZE above 64 KB compresses TDE databases well).
ALTER TABLE backup_policy ADD max_transfer_size INT;
ALTER TABLE backup_policy ADD buffer_count INT;

-- The scheduler: how far each policy's slots were looked at (so slots missed while every instance was down are
-- found), and a lease on each claimed slot until its operation exists.
CREATE TABLE schedule_cursor (
    database_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    checked_up_to DATETIME2(6) NOT NULL,
    revision      BIGINT       NOT NULL
);
ALTER TABLE schedule_slot ADD lease_until DATETIME2(6);
