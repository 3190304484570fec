package io.wfdr.spine.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka in the readiness details, never gating it: readiness follows the service's database (the datasource
 * check), because while Kafka is away the outbox still accepts every change and delivers it later.
 */
@Readiness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    private final KafkaReachability kafka;

    KafkaHealth(KafkaReachability kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaReachability.State state = kafka.state();
        var response = HealthCheckResponse.named("kafka (reported, does not gate readiness)").up()
                .withData("reachable", state.reachable());
        if (state.since() != null) {
            response.withData("since", state.since().toString());
        }
        if (state.problem() != null) {
            response.withData("problem", state.problem());
        }
        return response.build();
    }
}
