package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.HostKind;
import io.wfdr.inventory.domain.Hypervisor;

public record HostView(String id, String name, HostKind kind, Hypervisor hypervisor, String connectionRef,
        String siteId) {
}
