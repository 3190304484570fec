package io.wfdr.snapshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import io.wfdr.snapshot.domain.SnapshotSchedule.Due;
import org.junit.jupiter.api.Test;

/** The schedule of a policy with its full window 01:00–04:00 New York (06:00–09:00 UTC in November), every 15 min. */
class SnapshotScheduleTest {

    private static final Instant OPENS = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void aFullIsTakenOnceWhileTheWindowIsOpen() {
        SnapshotPolicy policy = policy();
        Instant tick = OPENS.plusSeconds(40);
        Due first = SnapshotSchedule.due(policy, tick, OPENS.minusSeconds(86_400), tick.minusSeconds(600))
                .orElseThrow();
        assertEquals(SnapshotKind.FULL, first.kind());
        assertEquals(OPENS, first.slot());
        Due again = SnapshotSchedule.due(policy, tick.plusSeconds(30), OPENS.minusSeconds(86_400),
                tick.minusSeconds(600)).orElseThrow();
        assertEquals(first.idempotencyKey("vm"), again.idempotencyKey("vm"),
                "a second tick (or instance) in the same opening asks with the same key");
        assertEquals("schedule:vm:FULL:2026-11-26T06:00:00Z", first.idempotencyKey("vm"));

        Instant fullTaken = OPENS.plusSeconds(120);
        assertEquals(Optional.empty(), SnapshotSchedule.due(policy, OPENS.plusSeconds(600), fullTaken, fullTaken),
                "taken in this opening: no second full, and no incremental before the interval");
        assertEquals(SnapshotKind.INCREMENTAL, SnapshotSchedule.due(policy, OPENS.plusSeconds(1200), fullTaken,
                fullTaken).orElseThrow().kind(), "the window still open, incrementals go on");
        assertEquals(Optional.empty(), SnapshotSchedule.due(policy, OPENS.minusSeconds(60), null,
                OPENS.minusSeconds(300)), "before the window opens, no full");
        Due noneYet = SnapshotSchedule.due(policy, OPENS.plusSeconds(3 * 3600 - 1), null, null).orElseThrow();
        assertEquals(SnapshotKind.FULL, noneYet.kind(), "a VM with no full at all gets one in the window");
    }

    @Test
    void theNextDaysOpeningIsANewSlot() {
        SnapshotPolicy policy = policy();
        Due today = SnapshotSchedule.due(policy, OPENS.plusSeconds(60), null, null).orElseThrow();
        Instant tomorrow = OPENS.plusSeconds(86_400 + 60);
        Due next = SnapshotSchedule.due(policy, tomorrow, OPENS.plusSeconds(60), tomorrow.minusSeconds(120))
                .orElseThrow();
        assertEquals(SnapshotKind.FULL, next.kind());
        assertNotEquals(today.idempotencyKey("vm"), next.idempotencyKey("vm"));
    }

    @Test
    void anIncrementalIsDueAfterTheInterval() {
        SnapshotPolicy policy = policy();
        Instant noon = Instant.parse("2026-11-26T17:00:00Z");
        Instant full = OPENS.plusSeconds(60);
        assertEquals(Optional.empty(), SnapshotSchedule.due(policy, noon, full, noon.minusSeconds(14 * 60)),
                "14 minutes after the newest: not yet");
        Due due = SnapshotSchedule.due(policy, noon.plusSeconds(7), full, noon.minusSeconds(15 * 60))
                .orElseThrow();
        assertEquals(SnapshotKind.INCREMENTAL, due.kind());
        assertEquals(noon, due.slot(), "the slot is the interval's start on the grid");
        assertEquals(due, SnapshotSchedule.due(policy, noon.plusSeconds(37), full, noon.minusSeconds(15 * 60))
                .orElseThrow(), "the next tick in the same interval asks for the same slot");
        assertEquals(SnapshotKind.INCREMENTAL, SnapshotSchedule.due(policy, noon, null, null).orElseThrow().kind(),
                "outside the window, a VM with nothing yet is asked for an incremental (taken as a full)");
    }

    @Test
    void aPausedPolicyTakesNothing() {
        SnapshotPolicy policy = policy();
        policy.paused = true;
        assertEquals(Optional.empty(), SnapshotSchedule.due(policy, OPENS.plusSeconds(60), null, null));
        assertEquals(Optional.empty(), SnapshotSchedule.due(policy, OPENS.plusSeconds(86_000), OPENS,
                OPENS.plusSeconds(60)));
    }

    @Test
    void aWindowAcrossMidnightCountsItsOpeningFromTheDayBefore() {
        SnapshotPolicy policy = policy();
        policy.fullWindowStart = LocalTime.of(22, 0);
        policy.fullWindowEnd = LocalTime.of(2, 0);
        Instant opened = Instant.parse("2026-11-26T03:00:00Z"); // 22:00 New York, Nov 25
        Instant afterMidnight = Instant.parse("2026-11-26T06:30:00Z"); // 01:30 New York, Nov 26
        assertEquals(Optional.empty(), SnapshotSchedule.due(policy, afterMidnight, opened.plusSeconds(60),
                afterMidnight.minusSeconds(60)), "the full taken at 22:01 covers the opening until 02:00");
        assertEquals(new Due(SnapshotKind.FULL, opened), SnapshotSchedule.due(policy, afterMidnight,
                opened.minusSeconds(60), afterMidnight.minusSeconds(60)).orElseThrow());
    }

    private static SnapshotPolicy policy() {
        SnapshotPolicy policy = new SnapshotPolicy();
        policy.vmId = "vm";
        policy.fullWindowStart = LocalTime.of(1, 0);
        policy.fullWindowEnd = LocalTime.of(4, 0);
        policy.zone = "America/New_York";
        policy.incrementalEveryMinutes = 15;
        policy.replicate = true;
        policy.fullChainsToKeepAtSource = 2;
        policy.fullChainsToKeepAtDr = 7;
        return policy;
    }
}
