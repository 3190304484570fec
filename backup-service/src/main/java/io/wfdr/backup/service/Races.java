package io.wfdr.backup.service;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Whether a failure means another instance (or request) changed the same row first: expected, not an error. */
final class Races {

    private Races() {
    }

    static boolean lost(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
        }
        return false;
    }
}
