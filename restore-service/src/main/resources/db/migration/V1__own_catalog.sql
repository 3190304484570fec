-- The restore service's own catalog, from wfdr.backup.events and from destinations' manifests (never from the backup
-- service's tables or REST): it must still plan a restore on the day the backup service and its database are gone.
CREATE TABLE known_backup_set (
    backup_set_uuid VARCHAR(36)   NOT NULL PRIMARY KEY,
    database_id     VARCHAR(36)   NOT NULL,
    database_name   NVARCHAR(128) NOT NULL,
    backup_type     VARCHAR(20)   NOT NULL,
    finished_at     DATETIME2(6)  NOT NULL,
    expired         BIT           NOT NULL,
    origin          VARCHAR(30)   NOT NULL,
    backup_set      NVARCHAR(MAX) NOT NULL,
    updated_at      DATETIME2(6)  NOT NULL
);
CREATE INDEX ix_known_backup_set_database ON known_backup_set (database_id, finished_at);

-- One verified copy of one stripe at a destination, as a SQL Server at the copy's site opens it.
CREATE TABLE known_copy (
    copy_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    backup_set_uuid VARCHAR(36)   NOT NULL,
    database_id     VARCHAR(36)   NOT NULL,
    stripe          INT           NOT NULL,
    host_id         VARCHAR(36),
    site_id         VARCHAR(36),
    path            NVARCHAR(600) NOT NULL,
    restore_path    NVARCHAR(600),
    manifest_path   NVARCHAR(700),
    sha256          VARCHAR(64),
    bytes           BIGINT        NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    updated_at      DATETIME2(6)  NOT NULL
);
CREATE INDEX ix_known_copy_backup_set ON known_copy (backup_set_uuid);
CREATE INDEX ix_known_copy_database ON known_copy (database_id);

-- What the inventory announced: databases, servers, sites and DR pairs (no foreign keys: events arrive in any order).
CREATE TABLE known_database (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(128) NOT NULL,
    server_id      VARCHAR(36)   NOT NULL,
    environment_id VARCHAR(36)   NOT NULL,
    recovery_model VARCHAR(20)   NOT NULL,
    rpo_minutes    INT           NOT NULL,
    rto_minutes    INT           NOT NULL
);

CREATE TABLE known_server (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    name         NVARCHAR(100) NOT NULL,
    current_name NVARCHAR(100) NOT NULL,
    site_id      VARCHAR(36)   NOT NULL
);

CREATE TABLE known_site (
    id   VARCHAR(36)   NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    role VARCHAR(20)   NOT NULL
);

CREATE TABLE known_pair (
    id                   VARCHAR(36) NOT NULL PRIMARY KEY,
    production_server_id VARCHAR(36) NOT NULL,
    dr_server_id         VARCHAR(36) NOT NULL,
    status               VARCHAR(20) NOT NULL
);
CREATE INDEX ix_known_pair_production ON known_pair (production_server_id);
