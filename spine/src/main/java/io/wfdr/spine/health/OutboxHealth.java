package io.wfdr.spine.health;

import io.wfdr.spine.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox in the readiness details, never gating it: what waits for Kafka, how old the oldest is, and the events
 * Kafka refused for good (parked, with the reason), which an operator has to look at.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Backlog backlog = relay.backlog();
        var response = HealthCheckResponse.named("outbox (reported, does not gate readiness)").up()
                .withData("pending", backlog.pending())
                .withData("parked", backlog.parked())
                .withData("oldestPendingSeconds", backlog.oldestPendingSeconds());
        int n = 0;
        for (OutboxRelay.Parked parked : backlog.parkedEvents()) {
            n++;
            response.withData("parked." + n, parked.eventId() + " " + parked.type() + " (key " + parked.key()
                    + ", topic " + parked.topic() + ") since " + parked.parkedAt() + ": " + parked.reason());
        }
        return response.build();
    }
}
