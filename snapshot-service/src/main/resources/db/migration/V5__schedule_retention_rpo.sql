-- Retention keeps the catalog rows of the chains it drops and marks when their files went: at the VM's host
-- (expired_at_source) and at the DR VM host (expired_at_dr; the replica no longer counts as good from then on).
ALTER TABLE vm_snapshot ADD expired_at_source DATETIME2(6);
ALTER TABLE vm_snapshot ADD expired_at_dr DATETIME2(6);

-- The last RPO state published per VM, so that breached and restored are each published once per transition.
CREATE TABLE snapshot_rpo_state (
    vm_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    breached    BIT          NOT NULL,
    changed_at  DATETIME2(6) NOT NULL
);
