package io.wfdr.snapshot.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.snapshot.api.VmRpo;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.snapshot.domain.SnapshotRpoState;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.snapshot.messaging.SnapshotRpoBreached;
import io.wfdr.snapshot.messaging.SnapshotRpoRestored;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * RPO per VM: the age of its newest snapshot that is good at the DR VM host (replicated there, verified by the DR
 * host's own hash, its replica still kept), against a target. backup-service takes its target from the inventory
 * (each database's rpoMinutes); the inventory declares none for VMs, so the target here is what the VM's policy
 * promises: one incremental interval, plus a grace for the snapshot to be taken, shipped and verified ({@code
 * wfdr.snapshot.rpo-grace}, one interval when not set). A Prometheus gauge {@code wfdr_snapshot_rpo_seconds{vm}}
 * per VM with a policy (-1 while it has no good snapshot), and {@code rpo-breached} / {@code rpo-restored} published
 * once per transition, the state kept in {@code snapshot_rpo_state} so a restart or a second instance does not
 * publish it again. Without any good snapshot the state is unknown and nothing is published (as in backup-service).
 */
@ApplicationScoped
public class SnapshotRpo {

    private static final Logger LOG = Logger.getLogger(SnapshotRpo.class);

    private final EntityManager em;
    private final SnapshotEvents events;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Optional<Duration> grace;
    private final Map<String, Long> ageSeconds = new ConcurrentHashMap<>();

    SnapshotRpo(EntityManager em, SnapshotEvents events, Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "wfdr.snapshot.rpo-grace") Optional<Duration> grace) {
        this.em = em;
        this.events = events;
        this.clock = clock;
        this.registry = registry;
        this.grace = grace;
    }

    /** The VM's RPO now; 404 for an unknown VM or one without a policy. */
    @Transactional
    public VmRpo of(String vmId) {
        KnownVm vm = em.find(KnownVm.class, vmId);
        if (vm == null) {
            throw new NotFoundProblem("VM", vmId);
        }
        SnapshotPolicy policy = em.find(SnapshotPolicy.class, vmId);
        if (policy == null) {
            throw new NotFoundProblem("Snapshot policy of VM", vm.name + " (" + vm.id + ")");
        }
        return status(vm, policy, clock.instant());
    }

    @Scheduled(every = "${wfdr.snapshot.rpo-check-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluate() {
        evaluate(clock.instant());
    }

    /** Refreshes every VM's gauge and publishes each change of state once; one VM's failure stops no other. */
    public void evaluate(Instant now) {
        List<String> vms = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.vmId from SnapshotPolicy p order by p.vmId", String.class).getResultList());
        for (String vmId : vms) {
            try {
                QuarkusTransaction.requiringNew().run(() -> evaluate(vmId, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "The RPO of VM %s was not evaluated this time: %s", vmId, e.getMessage());
            }
        }
    }

    private void evaluate(String vmId, Instant now) {
        KnownVm vm = em.find(KnownVm.class, vmId);
        SnapshotPolicy policy = em.find(SnapshotPolicy.class, vmId);
        if (vm == null || policy == null) {
            return;
        }
        VmRpo rpo = status(vm, policy, now);
        gauge(vm, rpo);
        if (rpo.breached() != null) {
            publishChange(vm, rpo, now);
        }
    }

    VmRpo status(KnownVm vm, SnapshotPolicy policy, Instant now) {
        Duration target = policy.incrementalEvery().plus(grace.orElse(policy.incrementalEvery()));
        Optional<VmSnapshot> newest = em.createQuery("from VmSnapshot where vmId = :vm and verifiedAt is not null "
                + "and replicaProblem is null and expiredAtDr is null order by takenAt desc, snapshotId",
                VmSnapshot.class).setParameter("vm", vm.id).setMaxResults(1).getResultStream().findFirst();
        if (newest.isEmpty()) {
            return new VmRpo(vm.id, vm.name, null, null, null, target.toSeconds(), null, vm.name + " has no "
                    + "snapshot replicated to and verified at its DR VM host yet"
                    + (policy.replicate ? "" : "; its policy does not replicate"));
        }
        VmSnapshot good = newest.get();
        long age = Math.max(0, Duration.between(good.takenAt, now).toSeconds());
        boolean breached = age > target.toSeconds();
        return new VmRpo(vm.id, vm.name, good.snapshotId, good.takenAt, age, target.toSeconds(), breached,
                breached ? "the newest snapshot good at the DR VM host, " + good.snapshotId + ", is " + age
                        + " seconds old, more than the target of " + target.toSeconds()
                        + (policy.paused ? "; the policy is paused" : "") : null);
    }

    private void publishChange(KnownVm vm, VmRpo rpo, Instant now) {
        boolean breached = rpo.breached();
        SnapshotRpoState state = em.find(SnapshotRpoState.class, vm.id);
        if (state != null && state.breached == breached) {
            return;
        }
        if (state == null) {
            state = new SnapshotRpoState();
            state.vmId = vm.id;
            state.breached = breached;
            state.changedAt = now;
            em.persist(state);
            if (!breached) {
                return;
            }
        } else {
            state.breached = breached;
            state.changedAt = now;
        }
        em.flush();
        events.publish(vm.id, vm.name, breached ? SnapshotRpoBreached.of(rpo) : SnapshotRpoRestored.of(rpo));
        LOG.infof("The RPO of %s is %s: %s", vm.name, breached ? "breached" : "met again",
                breached ? rpo.reason() : rpo.ageSeconds() + " seconds, target " + rpo.targetSeconds());
    }

    private void gauge(KnownVm vm, VmRpo rpo) {
        long seconds = rpo.ageSeconds() == null ? -1 : rpo.ageSeconds();
        if (ageSeconds.put(vm.id, seconds) == null) {
            Gauge.builder("wfdr_snapshot_rpo_seconds", ageSeconds, ages -> ages.getOrDefault(vm.id, -1L))
                    .tag("vm", vm.name).tag("vm_id", vm.id)
                    .description("Age of the VM's newest snapshot good at the DR VM host (-1: none)")
                    .register(registry);
        }
    }
}
