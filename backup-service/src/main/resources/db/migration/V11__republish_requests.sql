-- A request to send the whole catalog (or one database's) on wfdr.backup.events again, worked off in batches with a
-- cursor, so a restart resumes where it stopped.
CREATE TABLE republish_request (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    database_id      VARCHAR(36),
    requested_by     NVARCHAR(200) NOT NULL,
    reason           NVARCHAR(500),
    after_backup_set VARCHAR(36),
    sent             INT           NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    requested_at     DATETIME2(6)  NOT NULL,
    finished_at      DATETIME2(6),
    revision         BIGINT        NOT NULL
);
CREATE INDEX ix_republish_request_state ON republish_request (state);

-- Whether a copy's verification read the destination's storage past the page cache (null: not known).
ALTER TABLE offsite_copy ADD read_back_direct BIT;
