package io.wfdr.backup.messaging;

import io.wfdr.backup.domain.FullScheduleKind;
import io.wfdr.backup.domain.PolicyTradeOff;
import io.wfdr.spine.events.EventType;

/**
 * A database's backup policy was saved, paused or resumed: its schedule and the trade-off as numbers, for the restore
 * service to predict the RTO and the worst-case data loss under it.
 *
 * @param offsiteCopies whether the policy makes verified offsite copies at all (without them nothing is restorable
 *                      from offsite)
 */
@EventType("wfdr.backup.policy-changed.v1")
public record PolicyChanged(String databaseId, String databaseName, Schedule schedule, boolean paused,
        boolean offsiteCopies, PolicyTradeOff tradeOff) {

    /** When the backups run: the full's kind and time, and the differential and log intervals (null: none). */
    public record Schedule(FullScheduleKind fullKind, String fullTime, String fullDay, String fullCron,
            String timeZone, Integer differentialMinutes, Integer logMinutes) {
    }
}
