-- One number that moves with every committed change of the inventory: list pages are cached against it. Every
-- write transaction adds one as its last statement, so each committed state has its own revision.
CREATE TABLE inventory_revision (
    id       INT    NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO inventory_revision (id, revision) VALUES (1, 0);
