package io.wfdr.inventory.domain;

/** The hypervisor of a VM host. */
public enum Hypervisor {
    VMWARE_ESXI, MICROSOFT_HYPER_V, KVM, XEN, OTHER
}
