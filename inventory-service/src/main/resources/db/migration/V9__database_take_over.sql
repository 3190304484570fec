-- The last step of the guide's recovery: the restored database (TFLOWF_DR on the DR SQL Server) becomes the one the
-- environment's Workflow uses. A database is active while Workflow uses it, and names the database it replaced (no
-- foreign key: the replaced one may be removed later, the history stays). Each take-over is kept, one per replaced
-- database, so the same command again is recognised and a different one refused.
ALTER TABLE sql_database ADD active BIT NOT NULL DEFAULT 1;
ALTER TABLE sql_database ADD takes_over_from VARCHAR(36);

CREATE TABLE database_take_over (
    from_database_id VARCHAR(36)    NOT NULL PRIMARY KEY,
    to_database_id   VARCHAR(36)    NOT NULL,
    server_id        VARCHAR(36)    NOT NULL,
    database_name    NVARCHAR(128)  NOT NULL,
    dsn_id           VARCHAR(36)    NOT NULL,
    runbook_id       VARCHAR(36)    NOT NULL,
    reason           NVARCHAR(1000) NOT NULL,
    ticket_id        NVARCHAR(100),
    taken_over_at    DATETIME2(6)   NOT NULL
);
CREATE INDEX ix_take_over_to ON database_take_over (to_database_id);
