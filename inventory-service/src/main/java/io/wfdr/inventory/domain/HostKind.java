package io.wfdr.inventory.domain;

/** A machine wfdr knows of: a virtual machine host, or a physical machine (a server itself, or a machine that holds backup copies). */
public enum HostKind {
    VM_HOST, PHYSICAL_MACHINE
}
