-- One backup policy per database, with its offsite destinations.
CREATE TABLE backup_policy (
    database_id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    full_kind              VARCHAR(10)   NOT NULL,
    full_time              VARCHAR(5),
    full_day               VARCHAR(10),
    full_cron              VARCHAR(120),
    time_zone              VARCHAR(60)   NOT NULL,
    differential_minutes   INT,
    log_minutes            INT,
    backup_folder          NVARCHAR(400) NOT NULL,
    retention_days         INT           NOT NULL,
    compression            BIT           NOT NULL,
    checksum               BIT           NOT NULL,
    verify_after_backup    BIT           NOT NULL,
    encryption_certificate NVARCHAR(128),
    paused                 BIT           NOT NULL,
    revision               BIGINT        NOT NULL
);

CREATE TABLE policy_destination (
    database_id VARCHAR(36)   NOT NULL REFERENCES backup_policy (database_id),
    position    INT           NOT NULL,
    path        NVARCHAR(400) NOT NULL,
    host_id     VARCHAR(36)   NOT NULL,
    CONSTRAINT pk_policy_destination PRIMARY KEY (database_id, position)
);
