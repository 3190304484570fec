-- The whole backup set as published on wfdr.backup.events (media of every mirror, logical files, encryption, the
-- database's identity); the columns beside it stay for the queries.
ALTER TABLE catalog_entry ADD backup_set NVARCHAR(MAX);
