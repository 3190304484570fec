package io.wfdr.snapshot.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.OperationStatus;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.snapshot.domain.SnapshotSchedule;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.UnprocessableProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Fires the snapshot policies: at every tick, each active policy of a known VM whose host is recorded is asked what
 * is due ({@link SnapshotSchedule}) and the snapshot is requested through {@link VmOperations} with the slot as its
 * Idempotency-Key, so two ticks or two instances never start the same slot twice (the second gets the first
 * operation back). A VM with an operation still at work is skipped this tick; a refusal for another reason (no
 * datastore, not a KVM host) is logged once per reason, not thrown. A slot whose operation failed is asked again
 * once per incremental interval, under a key naming that retry.
 */
@ApplicationScoped
public class ScheduledSnapshots {

    private static final Logger LOG = Logger.getLogger(ScheduledSnapshots.class);

    private final EntityManager em;
    private final VmOperations operations;
    private final Clock clock;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    ScheduledSnapshots(EntityManager em, VmOperations operations, Clock clock) {
        this.em = em;
        this.operations = operations;
        this.clock = clock;
    }

    @Scheduled(every = "${wfdr.snapshot.schedule-tick:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        tick(clock.instant());
    }

    /** Requests what every active policy asks for at {@code now}; returns the operations started or found. */
    public Map<String, String> tick(Instant now) {
        List<SnapshotPolicy> active;
        try {
            active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "from SnapshotPolicy where paused = false order by vmId", SnapshotPolicy.class).getResultList());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the snapshot policies, the schedule waits: %s", e.getMessage());
            return Map.of();
        }
        Map<String, String> requested = new java.util.LinkedHashMap<>();
        for (SnapshotPolicy policy : active) {
            try {
                request(policy, now).ifPresent(operationId -> requested.put(policy.vmId, operationId));
            } catch (RuntimeException e) {
                LOG.warnf(e, "The scheduled snapshot of VM %s could not be requested this tick: %s", policy.vmId,
                        e.getMessage());
            }
        }
        return requested;
    }

    private Optional<String> request(SnapshotPolicy policy, Instant now) {
        Candidate candidate = QuarkusTransaction.requiringNew().call(() -> candidate(policy));
        if (candidate == null) {
            return Optional.empty();
        }
        Optional<SnapshotSchedule.Due> due = SnapshotSchedule.due(policy, now, candidate.newestFullAt(),
                candidate.newestAt());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        SnapshotKind kind = due.get().kind();
        String key = due.get().idempotencyKey(policy.vmId);
        try {
            VmOperations.Accepted accepted = operations.snapshot(policy.vmId, kind, policy.replicate, key);
            if (!accepted.isNew() && accepted.operation().status() == OperationStatus.FAILED) {
                long every = policy.incrementalEvery().toSeconds();
                Instant retry = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), every) * every);
                accepted = operations.snapshot(policy.vmId, kind, policy.replicate, key + ":retry:" + retry);
            }
            if (refusals.remove(policy.vmId) != null) {
                LOG.infof("Scheduled snapshots of VM %s are requested again", policy.vmId);
            }
            if (accepted.isNew()) {
                LOG.infof("Scheduled %s snapshot of VM %s (slot %s): operation %s", kind, policy.vmId,
                        due.get().slot(), accepted.operation().id());
            }
            return Optional.of(accepted.operation().id());
        } catch (ConflictProblem | UnprocessableProblem | NotFoundProblem refused) {
            if (refused.getMessage() != null && refused.getMessage().contains("one operation at a time")) {
                return Optional.empty();
            }
            String reason = refused.getMessage();
            if (!reason.equals(refusals.put(policy.vmId, reason))) {
                LOG.warnf("The scheduled %s snapshot of VM %s cannot start: %s", kind, policy.vmId, reason);
            }
            return Optional.empty();
        }
    }

    private record Candidate(Instant newestFullAt, Instant newestAt) {
    }

    /** The VM's newest snapshots on its host, or null when it is not known, has no host, or is at work. */
    private Candidate candidate(SnapshotPolicy policy) {
        KnownVm vm = em.find(KnownVm.class, policy.vmId);
        if (vm == null || vm.hostId == null) {
            return null;
        }
        long open = em.createQuery("select count(o) from VmOperation o where o.vmId = :vm and o.status in (:open)",
                Long.class).setParameter("vm", vm.id)
                .setParameter("open", List.of(OperationStatus.ACCEPTED, OperationStatus.RUNNING)).getSingleResult();
        if (open > 0) {
            return null;
        }
        Instant newestAt = newest(vm, null);
        Instant newestFullAt = newest(vm, SnapshotKind.FULL);
        return new Candidate(newestFullAt, newestAt);
    }

    private Instant newest(KnownVm vm, SnapshotKind kind) {
        return em.createQuery("from VmSnapshot where vmId = :vm and hostId = :host and (:kind is null or kind = :kind)"
                + " order by takenAt desc, snapshotId", VmSnapshot.class).setParameter("vm", vm.id)
                .setParameter("host", vm.hostId).setParameter("kind", kind).setMaxResults(1).getResultStream()
                .findFirst().map(s -> s.takenAt).orElse(null);
    }
}
