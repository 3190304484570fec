package io.wfdr.spine.testapp;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The test app's database as it fails for a while: the next {@link #failNext(int)} applications of a drill command
 * meet the error the JDBC driver raises when the database cannot be reached.
 */
@ApplicationScoped
public class DrillFaults {

    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger failuresAfterWork = new AtomicInteger();
    private final AtomicInteger defects = new AtomicInteger();

    public void failNext(int times) {
        failures.set(times);
    }

    /** The next applications do their work and then fail, before their transaction commits. */
    public void failNextAfterTheWork(int times) {
        failuresAfterWork.set(times);
    }

    /** The next applications fail for a reason that is neither the message nor passing: a defect. */
    public void failNextWithADefect(int times) {
        defects.set(times);
    }

    void afterWork() {
        if (failuresAfterWork.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new jakarta.persistence.PersistenceException("could not commit",
                    new SQLTransientConnectionException("Connection reset (injected)", "08S01"));
        }
    }

    void onApply() {
        if (defects.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("a defect (injected)");
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new jakarta.persistence.PersistenceException("could not prepare statement",
                    new SQLTransientConnectionException("Connection is not available (injected)", "08001"));
        }
    }
}
