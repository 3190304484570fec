package io.wfdr.spine.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aLostConnectionADeadlockAndALockTimeoutAreTransient() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Connection reset", "08S01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("chosen as the deadlock victim", "40001",
                1205))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Timeout trying to lock table", "HYT00"))));
    }

    @Test
    void aBrokenRuleOrADefectIsNot() {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("Violation of PRIMARY KEY", "23000"))));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a defect")));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new jakarta.persistence.PersistenceException("could not execute statement",
                new RuntimeException("JDBC", cause));
    }
}
