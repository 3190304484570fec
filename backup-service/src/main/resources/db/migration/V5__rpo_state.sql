-- The last RPO status published per database, so breach / restore events fire once per change.
CREATE TABLE rpo_state (
    database_id VARCHAR(36)  NOT NULL PRIMARY KEY,
    breached    BIT          NOT NULL,
    changed_at  DATETIME2(6) NOT NULL
);
