package io.wfdr.restore.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.restore.config.RunbookConfig;
import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookCallback;
import io.wfdr.restore.domain.RunbookStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Status callbacks to a ticketing system: only to URLs on the configured allow-list (checked when the runbook is
 * requested), queued in the transaction of the change they report, POSTed in order per runbook and retried with a
 * growing pause until delivered (at most {@value #MAX_ATTEMPTS} attempts).
 */
@ApplicationScoped
public class RunbookCallbacks {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger LOG = Logger.getLogger(RunbookCallbacks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EntityManager em;
    private final Clock clock;
    private final RunbookConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile boolean stopping;

    RunbookCallbacks(EntityManager em, Clock clock, RunbookConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** Whether a URL is one callbacks may go to: it starts with an allowed prefix (and is http or https). */
    public boolean allowed(String url) {
        List<String> prefixes = config.callbackAllowList().orElse(List.of());
        return (url.startsWith("https://") || url.startsWith("http://"))
                && prefixes.stream().anyMatch(p -> !p.isBlank() && url.startsWith(p));
    }

    void queue(Runbook runbook, RunbookStatus from) {
        if (runbook.callbackUrl == null) {
            return;
        }
        RunbookCallback callback = new RunbookCallback();
        callback.id = UUID.randomUUID().toString();
        callback.runbookId = runbook.id;
        callback.url = runbook.callbackUrl;
        callback.body = JsonNodeFactory.instance.objectNode().put("runbookId", runbook.id)
                .put("ticketId", runbook.ticketId).put("from", from == null ? null : from.name())
                .put("status", runbook.status.name()).put("outcome", runbook.outcome)
                .put("location", "/api/restores/" + runbook.id).put("at", clock.instant().toString()).toString();
        callback.createdAt = clock.instant();
        callback.nextAt = clock.instant();
        em.persist(callback);
    }

    @Scheduled(every = "${wfdr.restore.runbooks.heartbeat:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        if (stopping) {
            return;
        }
        List<RunbookCallback> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("from RunbookCallback "
                + "where deliveredAt is null and attempts < ?1 and nextAt <= ?2 order by createdAt", RunbookCallback.class)
                .setParameter(1, MAX_ATTEMPTS).setParameter(2, clock.instant()).setMaxResults(50).getResultList());
        java.util.Set<String> blocked = new java.util.HashSet<>();
        for (RunbookCallback callback : due) {
            if (blocked.contains(callback.runbookId)) {
                continue;
            }
            String error = post(callback);
            if (error != null) {
                blocked.add(callback.runbookId);
            }
            QuarkusTransaction.requiringNew().run(() -> settle(callback.id, error));
        }
    }

    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent shutdown) {
        stopping = true;
    }

    private String post(RunbookCallback callback) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(callback.body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "answered " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void settle(String id, String error) {
        RunbookCallback callback = em.find(RunbookCallback.class, id);
        callback.attempts++;
        if (error == null) {
            callback.deliveredAt = clock.instant();
            return;
        }
        callback.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        callback.nextAt = clock.instant().plusSeconds(Math.min(600, 1L << Math.min(callback.attempts, 10)));
        if (callback.attempts >= MAX_ATTEMPTS) {
            LOG.warnf("Gave up the status callback %s of runbook %s to %s: %s", id, callback.runbookId, callback.url,
                    error);
        }
    }
}
