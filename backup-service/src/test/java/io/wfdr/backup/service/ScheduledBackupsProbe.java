package io.wfdr.backup.service;

import java.time.Instant;

import io.wfdr.backup.domain.BackupSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Lets tests call the scheduler's package-private steps as two racing instances would. */
@ApplicationScoped
public class ScheduledBackupsProbe {

    private final ScheduledBackups scheduler;

    ScheduledBackupsProbe(ScheduledBackups scheduler) {
        this.scheduler = scheduler;
    }

    public boolean claim(String databaseId, BackupSchedule.Slot slot) {
        return scheduler.claim(databaseId, slot);
    }

    public boolean runDue(Instant from, Instant to) {
        return scheduler.runDue(from, to);
    }

    public void recoverLapsedClaims(Instant now) {
        scheduler.recoverLapsedClaims(now);
    }
}
