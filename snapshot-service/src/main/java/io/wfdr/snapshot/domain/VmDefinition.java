package io.wfdr.snapshot.domain;

import java.util.List;

/**
 * What a VM is on its host, enough to create it again elsewhere: its name, CPUs, memory, NICs (their MAC
 * addresses), its disk, and the hypervisor's own description of it ({@code native}, e.g. libvirt's domain XML).
 */
public record VmDefinition(String name, int cpus, long memoryMiB, List<String> nicMacs, String disk, String diskPath,
        String nativeDefinition) {

    public VmDefinition {
        nicMacs = List.copyOf(nicMacs);
    }
}
