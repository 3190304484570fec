-- Where the service itself sees the backup folder (a share of the SQL Server's folder), the file of each
-- operation, and every verified copy of a backup file at an offsite destination.
ALTER TABLE backup_policy ADD backup_folder_mount NVARCHAR(400);
ALTER TABLE backup_operation ADD file_name NVARCHAR(400);

CREATE TABLE offsite_copy (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    backup_set_id VARCHAR(36),
    operation_id  VARCHAR(36)   NOT NULL,
    database_id   VARCHAR(36)   NOT NULL,
    host_id       VARCHAR(36)   NOT NULL,
    path          NVARCHAR(600) NOT NULL,
    bytes         BIGINT        NOT NULL,
    sha256        VARCHAR(64),
    verified_at   DATETIME2(6),
    error         NVARCHAR(2000),
    copied_at     DATETIME2(6)  NOT NULL
);
CREATE INDEX ix_offsite_copy_backup ON offsite_copy (backup_set_id);
CREATE INDEX ix_offsite_copy_database ON offsite_copy (database_id, copied_at);
