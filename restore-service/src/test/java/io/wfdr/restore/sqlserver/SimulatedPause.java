package io.wfdr.restore.sqlserver;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one statement half-way (after its checks and its first progress) until the test releases it, so a test can
 * stop a runbook mid-statement without sleeping: {@link #awaitReached} says the statement is inside the server,
 * {@link #release} lets it finish, {@link #abort} makes it fail with 3204 as a cancelled RESTORE does.
 */
public final class SimulatedPause {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean aborted;

    public boolean awaitReached(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        released.countDown();
    }

    public void abort() {
        aborted = true;
        released.countDown();
    }

    /** Called by the statement: false when it must stop (aborted, or its thread interrupted). */
    boolean hold() {
        reached.countDown();
        try {
            released.await();
            return !aborted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
