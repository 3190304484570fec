package io.wfdr.backup.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The threads work runs on, outside any request and any transaction (BACKUP may not run inside one): backups on
 * their own threads, offsite copies on others, so hours of copying never hold up the next log backup. Whatever a
 * task throws is logged, never lost.
 */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final ExecutorService backups = pool("backup-operation", 2);
    private final ExecutorService copies = pool("offsite-copy", 2);

    public void submit(Runnable work) {
        backups.execute(logged(work));
    }

    public void submitCopy(Runnable work) {
        copies.execute(logged(work));
    }

    private static Runnable logged(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Background work failed: %s", e.getMessage());
            }
        };
    }

    private static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        backups.shutdown();
        copies.shutdown();
        backups.awaitTermination(10, TimeUnit.SECONDS);
        copies.awaitTermination(10, TimeUnit.SECONDS);
    }
}
