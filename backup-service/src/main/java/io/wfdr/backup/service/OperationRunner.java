package io.wfdr.backup.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The threads backups run on, outside any request and any transaction (BACKUP may not run inside one). */
@ApplicationScoped
public class OperationRunner {

    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "backup-operation");
        thread.setDaemon(true);
        return thread;
    });

    public void submit(Runnable work) {
        threads.submit(work);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
