-- Restore plans never change once made; the catalog's state they were made from tells a reader when they are stale.
CREATE TABLE restore_plan (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    database_id         VARCHAR(36)   NOT NULL,
    created_at          DATETIME2(6)  NOT NULL,
    catalog_fingerprint VARCHAR(100)  NOT NULL,
    plan                NVARCHAR(MAX) NOT NULL
);
CREATE INDEX ix_restore_plan_database ON restore_plan (database_id, created_at);
