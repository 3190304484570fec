package io.wfdr.inventory.domain;

/** Whether a server runs as a VM on a host or on its own hardware. */
public enum MachineType {
    VIRTUAL_MACHINE, PHYSICAL_MACHINE
}
