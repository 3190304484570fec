-- The snapshot service's own view of the inventory, built from wfdr.inventory.events (never from inventory's
-- tables): the sites, the VM hosts (hosts of kind VM_HOST) and the VMs (servers of machine type VIRTUAL_MACHINE).
-- No foreign keys: events of different aggregates arrive in any order.
CREATE TABLE known_site (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    environment_id VARCHAR(36)   NOT NULL,
    name           NVARCHAR(100) NOT NULL,
    role           VARCHAR(20)   NOT NULL
);

CREATE TABLE known_vm_host (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(100) NOT NULL,
    site_id        VARCHAR(36)   NOT NULL,
    -- KVM, VMWARE_ESXI, MICROSOFT_HYPER_V, XEN, OTHER; null when the inventory has not recorded it
    hypervisor     VARCHAR(30),
    -- where the connection to the host is configured (a libvirt URI such as qemu+ssh://...); never a secret
    connection_ref NVARCHAR(300)
);
CREATE INDEX ix_known_vm_host_site ON known_vm_host (site_id);

CREATE TABLE known_vm (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           VARCHAR(15)   NOT NULL,
    current_name   VARCHAR(15)   NOT NULL,
    site_id        VARCHAR(36)   NOT NULL,
    -- the VM host it runs on; null while the inventory has not recorded it
    host_id        VARCHAR(36),
    -- cpuSockets x coresPerSocket, and memory, of the VM's partition; null while its hardware is not recorded
    cpus           INT,
    memory_gb      DECIMAL(10, 2),
    environment_id VARCHAR(36)   NOT NULL,
    state          VARCHAR(20)   NOT NULL
);
CREATE INDEX ix_known_vm_host ON known_vm (host_id);
