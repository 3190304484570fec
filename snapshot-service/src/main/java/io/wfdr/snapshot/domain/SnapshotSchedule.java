package io.wfdr.snapshot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a VM's policy asks for at an instant, as a pure rule: nothing while paused; a full when the full window is
 * open and no full was taken since it opened; otherwise an incremental when the newest snapshot is at least an
 * interval old (or there is none). Each request names its slot — the window's opening for a full, the start of the
 * interval on a grid from the epoch for an incremental — so that every tick and every instance asking inside the
 * same slot asks with the same Idempotency-Key, and a slot is started once.
 */
public final class SnapshotSchedule {

    private SnapshotSchedule() {
    }

    /** A snapshot to request: its kind and the start of its slot. */
    public record Due(SnapshotKind kind, Instant slot) {

        public String idempotencyKey(String vmId) {
            return "schedule:" + vmId + ":" + kind + ":" + slot;
        }
    }

    /**
     * @param newestFullAt when the newest full on the VM's host was taken, null when none
     * @param newestAt     when the newest snapshot (full or incremental) on the VM's host was taken, null when none
     */
    public static Optional<Due> due(SnapshotPolicy policy, Instant now, Instant newestFullAt, Instant newestAt) {
        if (policy.paused) {
            return Optional.empty();
        }
        FullWindow window = policy.fullWindow();
        if (window.contains(now)) {
            Instant opened = window.next(now).opens();
            if (newestFullAt == null || newestFullAt.isBefore(opened)) {
                return Optional.of(new Due(SnapshotKind.FULL, opened));
            }
        }
        Duration every = policy.incrementalEvery();
        if (newestAt == null || !Duration.between(newestAt, now).minus(every).isNegative()) {
            long seconds = every.toSeconds();
            Instant slot = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
            return Optional.of(new Due(SnapshotKind.INCREMENTAL, slot));
        }
        return Optional.empty();
    }
}
