-- A database the inventory says took over from another (TFLOWF_DR in place of TFLOWF after a restore): protected
-- with a copy of the replaced database's policy and a full backup at once, once both are known here. Until its own
-- backups are restorable from offsite, its RPO age counts from the replaced database's newest restorable backup.
CREATE TABLE take_over (
    database_id        VARCHAR(36)    NOT NULL PRIMARY KEY,
    from_database_id   VARCHAR(36)    NOT NULL,
    server_id          VARCHAR(36)    NOT NULL,
    runbook_id         VARCHAR(36)    NOT NULL,
    taken_over_at      DATETIME2(6)   NOT NULL,
    protected_at       DATETIME2(6),
    first_operation_id VARCHAR(36),
    no_backup_reason   NVARCHAR(1000),
    notes              NVARCHAR(MAX)  NOT NULL DEFAULT ''
);
CREATE INDEX ix_take_over_server ON take_over (server_id);
