package io.wfdr.backup.service;

import jakarta.enterprise.context.ApplicationScoped;

/** Lets tests call the background work's package-private steps as the scheduler (or a second instance) would. */
@ApplicationScoped
public class WorkProbe {

    private final OffsiteCopies copies;
    private final BackupRun run;

    WorkProbe(OffsiteCopies copies, BackupRun run) {
        this.copies = copies;
        this.run = run;
    }

    public void attemptCopy(String copyId) {
        copies.attempt(copyId);
    }

    public void retryDueCopies() {
        copies.retryDue();
    }

    public void recoverOperations() {
        run.recover();
    }
}
