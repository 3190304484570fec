-- One snapshot policy per VM: the daily full inside a window (local times in zone; the window may cross
-- midnight), incrementals every N minutes, replication to the DR VM host, and how many whole chains (a full and
-- its incrementals) each end keeps.
CREATE TABLE snapshot_policy (
    vm_id                         VARCHAR(36)  NOT NULL PRIMARY KEY,
    full_window_start             VARCHAR(5)   NOT NULL,
    full_window_end               VARCHAR(5)   NOT NULL,
    zone                          VARCHAR(60)  NOT NULL,
    incremental_every_minutes     INT          NOT NULL,
    replicate                     BIT          NOT NULL,
    -- the DR VM host replicas go to; null only when the policy does not replicate and named none
    dr_host_id                    VARCHAR(36),
    -- whether drHostId was named by the policy (true) or derived from the VM's DR site when it was saved
    dr_host_named                 BIT          NOT NULL,
    full_chains_to_keep_at_source INT          NOT NULL,
    full_chains_to_keep_at_dr     INT          NOT NULL,
    paused                        BIT          NOT NULL,
    changed_at                    DATETIME2(6) NOT NULL,
    revision                      BIGINT       NOT NULL,
    CONSTRAINT ck_snapshot_policy_interval CHECK (incremental_every_minutes BETWEEN 5 AND 720),
    CONSTRAINT ck_snapshot_policy_keep CHECK (full_chains_to_keep_at_source >= 1 AND full_chains_to_keep_at_dr >= 1)
);
CREATE INDEX ix_snapshot_policy_dr_host ON snapshot_policy (dr_host_id);
