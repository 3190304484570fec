-- A revision per database that every change of its catalog moves, in the same transaction: what a cached history
-- and a stored plan compare against to know whether they are still current.
CREATE TABLE catalog_revision (
    database_id VARCHAR(36) NOT NULL PRIMARY KEY,
    revision    BIGINT      NOT NULL
);
