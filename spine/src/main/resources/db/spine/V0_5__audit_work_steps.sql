-- Runbook steps are audited like calls: what each step was given when it started and what came of it, in words.
ALTER TABLE audit_record ADD detail NVARCHAR(4000);
