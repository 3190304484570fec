package io.wfdr.snapshot.domain;

/**
 * The hypervisor no longer knows what changed since the previous snapshot (its checkpoint or dirty bitmap is gone or
 * inconsistent, e.g. after the VM was killed or its disk replaced): only a new full is a safe next snapshot.
 */
public class ChangeTrackingLost extends RuntimeException {

    public ChangeTrackingLost(String message) {
        super(message);
    }
}
