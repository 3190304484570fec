-- Each database's backup policy as the backup service announced it (wfdr.backup.policy-changed.v1): what the RTO
-- forecast needs of it.
CREATE TABLE known_policy (
    database_id                 VARCHAR(36) NOT NULL PRIMARY KEY,
    full_kind                   VARCHAR(10) NOT NULL,
    differential_minutes        INT,
    log_minutes                 INT,
    full_every_minutes          BIGINT      NOT NULL,
    worst_case_loss_minutes     BIGINT      NOT NULL,
    backups_to_apply_at_worst   INT         NOT NULL,
    differential_span_minutes   BIGINT      NOT NULL,
    paused                      BIT         NOT NULL,
    offsite_copies              BIT         NOT NULL,
    changed_at                  DATETIME2(6) NOT NULL
);

-- How fast restores ran on a SQL Server: what a plan's predicted duration is learned from. One row per RESTORE that
-- completed (a runbook's, a drill's, or one a DBA ran and timed by hand).
CREATE TABLE restore_measurement (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    server_id    VARCHAR(36)   NOT NULL,
    backup_type  VARCHAR(20)   NOT NULL,
    bytes        BIGINT        NOT NULL,
    seconds      DECIMAL(12,3) NOT NULL,
    finished_at  DATETIME2(6)  NOT NULL,
    source       VARCHAR(20)   NOT NULL,
    note         NVARCHAR(500),
    recorded_at  DATETIME2(6)  NOT NULL
);
CREATE INDEX ix_restore_measurement_server ON restore_measurement (server_id, backup_type, finished_at);
