package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/**
 * A VM's snapshot policy was saved, paused or resumed; the policy as it now is, for the services that plan a VM's
 * recovery (how much work a revert or rebuild can lose: up to {@code incrementalEveryMinutes}).
 *
 * @param drHostId the DR VM host the snapshots are replicated to; null when the policy does not replicate and named
 *                 none
 */
@EventType("wfdr.snapshot.policy-changed.v1")
public record PolicyChanged(String vmId, String vmName, Change change, String fullWindowStart,
        String fullWindowEnd, String zone, int incrementalEveryMinutes, boolean replicate, String drHostId,
        int fullChainsToKeepAtSource, int fullChainsToKeepAtDr, boolean paused) {

    /** What was done to the policy. */
    public enum Change { SAVED, PAUSED, RESUMED }
}
