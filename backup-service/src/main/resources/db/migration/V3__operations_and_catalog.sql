-- How to reach each database server, backup operations (on demand or scheduled), and the backup catalog.
CREATE TABLE sql_server_connection (
    server_id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    port                     INT           NOT NULL,
    instance_name            NVARCHAR(100),
    encrypt                  BIT           NOT NULL,
    trust_server_certificate BIT           NOT NULL,
    login_id                 VARCHAR(36)   NOT NULL,
    revision                 BIGINT        NOT NULL
);

CREATE TABLE backup_operation (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    database_id     VARCHAR(36)   NOT NULL,
    requested_type  VARCHAR(20)   NOT NULL,
    run_type        VARCHAR(20)   NOT NULL,
    copy_only       BIT           NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    percent         INT           NOT NULL,
    message         NVARCHAR(2000),
    script          NVARCHAR(MAX) NOT NULL,
    created_at      DATETIME2(6)  NOT NULL,
    started_at      DATETIME2(6),
    finished_at     DATETIME2(6),
    revision        BIGINT        NOT NULL
);
-- A retried POST with the same Idempotency-Key finds its first operation here (a table of its own, since SQL
-- Server allows one NULL only in a unique index).
CREATE TABLE idempotency_key (
    request_key  NVARCHAR(200) NOT NULL PRIMARY KEY,
    operation_id VARCHAR(36)   NOT NULL REFERENCES backup_operation (id)
);
CREATE INDEX ix_backup_operation_status ON backup_operation (status);

CREATE TABLE catalog_entry (
    backup_set_id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    database_id              VARCHAR(36)    NOT NULL,
    database_name            NVARCHAR(128)  NOT NULL,
    backup_type              VARCHAR(20)    NOT NULL,
    copy_only                BIT            NOT NULL,
    first_lsn                DECIMAL(25, 0) NOT NULL,
    last_lsn                 DECIMAL(25, 0) NOT NULL,
    database_backup_lsn      DECIMAL(25, 0),
    differential_base_guid   VARCHAR(36),
    first_recovery_fork_guid VARCHAR(36),
    last_recovery_fork_guid  VARCHAR(36),
    finished_at              DATETIME2(6)   NOT NULL,
    damaged                  BIT            NOT NULL,
    operation_id             VARCHAR(36)
);
CREATE INDEX ix_catalog_entry_database ON catalog_entry (database_id, finished_at);
