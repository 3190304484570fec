package io.wfdr.snapshot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A VM host as the inventory announced it (a host of kind VM_HOST; physical machines are not kept). {@code
 * connectionRef} says where the connection to it is configured, e.g. the libvirt URI {@code qemu+ssh://…}; it is a
 * reference, never a secret.
 */
@Entity
@Table(name = "known_vm_host")
public class KnownVmHost {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    /** KVM, VMWARE_ESXI, MICROSOFT_HYPER_V, XEN or OTHER; null when not recorded. */
    public String hypervisor;

    @Column(name = "connection_ref")
    public String connectionRef;
}
