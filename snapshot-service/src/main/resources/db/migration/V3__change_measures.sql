-- What each incremental found changed: the bytes written to the VM's disks between since_at (the snapshot it is
-- taken on) and measured_at. One per incremental; the low-activity window is suggested from them.
CREATE TABLE change_measure (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    vm_id         VARCHAR(36)  NOT NULL,
    snapshot_id   VARCHAR(100) NOT NULL,
    since_at      DATETIME2(6) NOT NULL,
    measured_at   DATETIME2(6) NOT NULL,
    changed_bytes BIGINT       NOT NULL,
    CONSTRAINT ck_change_measure_bytes CHECK (changed_bytes >= 0),
    CONSTRAINT ck_change_measure_interval CHECK (since_at <= measured_at)
);
CREATE UNIQUE INDEX ux_change_measure_snapshot ON change_measure (snapshot_id);
CREATE INDEX ix_change_measure_vm_time ON change_measure (vm_id, measured_at);
