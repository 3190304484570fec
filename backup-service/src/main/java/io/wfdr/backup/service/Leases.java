package io.wfdr.backup.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.config.WorkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's claims alive: every few seconds the operations it runs get a fresh heartbeat and the copies
 * it writes a longer lease. Work whose heartbeat stopped (the instance died) is taken over by another instance;
 * work with a fresh one is left alone, also by start-up recovery.
 */
@ApplicationScoped
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class);

    private final EntityManager em;
    private final Clock clock;
    private final Instance instance;
    private final WorkConfig config;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();
    private final Set<String> copies = ConcurrentHashMap.newKeySet();

    Leases(EntityManager em, Clock clock, Instance instance, WorkConfig config) {
        this.em = em;
        this.clock = clock;
        this.instance = instance;
        this.config = config;
    }

    void holdOperation(String id) {
        operations.add(id);
    }

    void releaseOperation(String id) {
        operations.remove(id);
    }

    void holdCopy(String id) {
        copies.add(id);
    }

    void releaseCopy(String id) {
        copies.remove(id);
    }

    java.time.Instant staleBefore() {
        return clock.instant().minus(config.lease());
    }

    java.time.Instant leaseUntil() {
        return clock.instant().plus(config.lease());
    }

    @Scheduled(every = "${wfdr.backup.heartbeat:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        if (operations.isEmpty() && copies.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<String> ops = List.copyOf(operations);
                if (!ops.isEmpty()) {
                    em.createQuery("update BackupOperation set heartbeatAt = ?1 where id in ?2 and owner = ?3")
                            .setParameter(1, clock.instant()).setParameter(2, ops).setParameter(3, instance.id())
                            .executeUpdate();
                }
                List<String> held = List.copyOf(copies);
                if (!held.isEmpty()) {
                    em.createQuery("update OffsiteCopy set leaseUntil = ?1 where id in ?2 and claimedBy = ?3")
                            .setParameter(1, leaseUntil()).setParameter(2, held).setParameter(3, instance.id())
                            .executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Cannot renew this instance's leases; others may take its work over: %s", e.getMessage());
        }
    }
}
