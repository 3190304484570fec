package io.wfdr.snapshot.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A VM as the inventory announced it, with its VM host and site (each left out until the inventory has announced
 * it), its DR VM host ({@code drHost}; when there is none, {@code drHostNote} says why) and a summary of its policy.
 */
public record VmView(String id, String name, String currentName, String state, Integer cpus, BigDecimal memoryGb,
        String environmentId, String hostId, @JsonInclude(JsonInclude.Include.NON_NULL) VmHostRef host,
        String siteId, @JsonInclude(JsonInclude.Include.NON_NULL) SiteView site,
        @JsonInclude(JsonInclude.Include.NON_NULL) DrHostView drHost, String drHostNote, PolicySummary policy) {

    /** The VM host a VM runs on. */
    public record VmHostRef(String id, String name, String hypervisor, String connectionRef) {
    }

    /** Whether the VM has a policy (NONE, ACTIVE, PAUSED) and, if so, its schedule. */
    public record PolicySummary(PolicyState state, String fullWindowStart, String fullWindowEnd, String zone,
            Integer incrementalEveryMinutes, Boolean replicate) {
    }

    public enum PolicyState { NONE, ACTIVE, PAUSED }
}
