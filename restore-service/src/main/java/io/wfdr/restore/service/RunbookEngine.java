package io.wfdr.restore.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.restore.config.RunbookConfig;
import io.wfdr.restore.service.recovery.DatabaseRecovery;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs runbooks on worker threads, outside any transaction (RESTORE may not run inside one): claims a runnable
 * runbook, then runs its steps one after another through {@link StepRun} until it ends, fails, pauses, waits for an
 * operator or waits for the world. Every few seconds it renews its claims and looks for runbooks to run — new ones,
 * waiting ones whose time has come, and those a dead instance left behind.
 */
@ApplicationScoped
public class RunbookEngine {

    private static final Logger LOG = Logger.getLogger(RunbookEngine.class);

    private final RunbookLeases leases;
    private final RunbookLedger ledger;
    private final StepRun stepRun;
    private final RunbookConfig config;
    private final Clock clock;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private volatile boolean stopping;

    RunbookEngine(RunbookLeases leases, RunbookLedger ledger, StepRun stepRun, RunbookConfig config, Clock clock) {
        this.leases = leases;
        this.ledger = ledger;
        this.stepRun = stepRun;
        this.config = config;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.workers()), r -> {
            Thread thread = new Thread(r, "runbook");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the runbook now if this instance can claim it (called after the change that made it runnable). */
    public void kick(String id) {
        notBefore.remove(id);
        start(id);
    }

    /**
     * Something a waiting step waits for may have happened (the inventory announced a change): runbooks waiting for
     * the world look again now rather than at their next turn.
     */
    public void wakeWaiting() {
        if (!notBefore.isEmpty() && !stopping) {
            notBefore.clear();
            workers.execute(this::tick);
        }
    }

    @Scheduled(every = "${wfdr.restore.runbooks.heartbeat:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (stopping) {
            return;
        }
        try {
            leases.renew(Set.copyOf(active));
            for (String id : leases.runnable(config.workers() * 4)) {
                Instant wait = notBefore.get(id);
                if (wait == null || !wait.isAfter(clock.instant())) {
                    start(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot look for runbooks to run now (will try again): %s", e.getMessage());
        }
    }

    private void start(String id) {
        if (!active.add(id)) {
            return;
        }
        try {
            if (!leases.claim(id)) {
                active.remove(id);
                return;
            }
            workers.execute(() -> run(id));
        } catch (RuntimeException e) {
            active.remove(id);
            LOG.warnf("Cannot start runbook %s now (will try again): %s", id, e.getMessage());
        }
    }

    private void run(String id) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            RunbookLedger.Actor actor = ledger.actor(id);
            AuditContext.current().onBehalfOf(actor.requestId(), actor.subject());
            try (Scope trace = Traces.fromTraceparent(actor.traceparent()).makeCurrent()) {
                steps(id);
            }
        } catch (RuntimeException e) {
            if (changedMeanwhile(e)) {
                LOG.infof("Runbook %s was changed by a request while it ran (a pause, a cancel): it looks again", id);
            } else {
                LOG.errorf(e, "Runbook %s stopped on an unexpected failure; it resumes where it was: %s", id,
                        e.getMessage());
            }
        } finally {
            requests.terminate();
            active.remove(id);
        }
    }

    private void steps(String id) {
        while (true) {
            RunbookLedger.Next next = ledger.next(id, leases.instance());
            if (!(next instanceof RunbookLedger.Next.Run run)) {
                notBefore.remove(id);
                return;
            }
            if (!stepRun.run(id, run)) {
                notBefore.put(id, clock.instant().plus(config.waitInterval()));
                return;
            }
        }
    }

    private static boolean changedMeanwhile(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    boolean running(String id) {
        return active.contains(id);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    Duration lease() {
        return config.lease();
    }
}
