-- Where each VM host keeps wfdr's snapshot files (as this service reaches them), the snapshots taken and where
-- their replicas are, and the operations (snapshot, revert, rebuild) with the Idempotency-Keys that started them.
CREATE TABLE host_datastore (
    host_id          VARCHAR(36)    NOT NULL PRIMARY KEY,
    snapshot_folder  NVARCHAR(1000) NOT NULL,
    disk_folder      NVARCHAR(1000) NOT NULL,
    revision         BIGINT         NOT NULL
);

CREATE TABLE vm_snapshot (
    snapshot_id      VARCHAR(36)    NOT NULL PRIMARY KEY,
    vm_id            VARCHAR(36)    NOT NULL,
    host_id          VARCHAR(36)    NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    parent_id        VARCHAR(36),
    chain_id         VARCHAR(36)    NOT NULL,
    file_name        NVARCHAR(300)  NOT NULL,
    bytes            BIGINT         NOT NULL,
    sha256           VARCHAR(64)    NOT NULL,
    virtual_size     BIGINT         NOT NULL,
    changed_bytes    BIGINT         NOT NULL,
    consistency      VARCHAR(20)    NOT NULL,
    full_because     NVARCHAR(2000),
    taken_at         DATETIME2(6)   NOT NULL,
    dr_host_id       VARCHAR(36),
    shipped_bytes    BIGINT,
    replicated_at    DATETIME2(6),
    verified_at      DATETIME2(6),
    replica_problem  NVARCHAR(2000)
);
CREATE INDEX ix_vm_snapshot_vm ON vm_snapshot (vm_id, taken_at);

CREATE TABLE vm_operation (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    kind             VARCHAR(20)    NOT NULL,
    vm_id            VARCHAR(36),
    host_id          VARCHAR(36),
    snapshot_id      VARCHAR(36),
    requested_kind   VARCHAR(20),
    replicate        BIT            NOT NULL,
    dr_host_id       VARCHAR(36),
    status           VARCHAR(20)    NOT NULL,
    percent          INT            NOT NULL,
    message          NVARCHAR(4000),
    script           NVARCHAR(MAX)  NOT NULL,
    requested_by     NVARCHAR(200),
    created_at       DATETIME2(6)   NOT NULL,
    started_at       DATETIME2(6),
    finished_at      DATETIME2(6),
    revision         BIGINT         NOT NULL
);
CREATE INDEX ix_vm_operation_status ON vm_operation (status);

CREATE TABLE vm_operation_key (
    request_key      NVARCHAR(200)  NOT NULL PRIMARY KEY,
    operation_id     VARCHAR(36)    NOT NULL REFERENCES vm_operation (id),
    fingerprint      VARCHAR(64)    NOT NULL
);
