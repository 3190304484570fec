-- The rest of what msdb knows of a backup: checkpoint and differential base LSNs, checksums, sizes and files.
ALTER TABLE catalog_entry ADD checkpoint_lsn DECIMAL(25, 0);
ALTER TABLE catalog_entry ADD differential_base_lsn DECIMAL(25, 0);
ALTER TABLE catalog_entry ADD has_checksums BIT;
ALTER TABLE catalog_entry ADD backup_size BIGINT;
ALTER TABLE catalog_entry ADD compressed_size BIGINT;
ALTER TABLE catalog_entry ADD files NVARCHAR(4000);
