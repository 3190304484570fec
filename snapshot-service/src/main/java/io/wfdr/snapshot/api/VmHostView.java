package io.wfdr.snapshot.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A VM host as the inventory announced it: its hypervisor, where its connection is configured ({@code connectionRef},
 * e.g. a libvirt URI {@code qemu+ssh://…}; a reference, never a secret), its site (left out until the inventory has
 * announced it) and how many of the VMs known here run on it.
 */
public record VmHostView(String id, String name, String hypervisor, String connectionRef, String siteId,
        @JsonInclude(JsonInclude.Include.NON_NULL) SiteView site, long vms) {
}
