package io.wfdr.snapshot.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.wfdr.snapshot.config.EngineConfig;
import io.wfdr.snapshot.domain.OperationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Runs operations on threads of their own, outside requests and transactions; an operation is never run twice at
 * once. At start, the operations a stopped process left accepted or running are run again: each kind of run picks
 * up what its earlier attempt left (a half-written file is never under its final name).
 */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final EntityManager em;
    private final Instance<OperationWork> work;

    OperationRunner(EngineConfig config, EntityManager em, Instance<OperationWork> work) {
        this.workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread thread = new Thread(r, "vm-operation");
            thread.setDaemon(true);
            return thread;
        });
        this.em = em;
        this.work = work;
    }

    public void submit(String operationId) {
        if (!running.add(operationId)) {
            return;
        }
        workers.execute(() -> {
            try {
                work.get().run(operationId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Operation %s failed outside its own handling: %s", operationId, e.getMessage());
            } finally {
                running.remove(operationId);
            }
        });
    }

    void resume(@Observes StartupEvent start) {
        unfinished().forEach(this::submit);
    }

    @Transactional
    List<String> unfinished() {
        return em.createQuery("select o.id from VmOperation o where o.status in (:open) order by o.createdAt",
                String.class).setParameter("open", List.of(OperationStatus.ACCEPTED, OperationStatus.RUNNING))
                .getResultList();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
