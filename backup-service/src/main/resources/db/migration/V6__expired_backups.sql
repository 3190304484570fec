-- When retention removed a backup's files; the catalog keeps the row so history stays explainable.
ALTER TABLE catalog_entry ADD expired_at DATETIME2(6);
