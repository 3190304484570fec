package io.wfdr.snapshot.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A VM's snapshot policy with what it means: the policy as stored (its DR host resolved), whether it is paused, the
 * DR VM host (left out when it does not replicate), the full window in numbers with its next opening, and the
 * warnings an operator should read.
 */
public record PolicyView(String vmId, String vmName, PolicyRequest policy, boolean paused,
        @JsonInclude(JsonInclude.Include.NON_NULL) DrHostView drHost, FullWindowView fullWindow,
        int incrementalsPerDay, Instant changedAt, List<String> warnings) {

    /**
     * The window's length on a day without a clock change, whether it crosses midnight, and the next (or current)
     * opening as UTC instants.
     */
    public record FullWindowView(int minutes, boolean crossesMidnight, Instant nextOpensAt, Instant nextClosesAt) {
    }
}
