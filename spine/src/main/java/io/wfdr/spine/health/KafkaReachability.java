package io.wfdr.spine.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.spine.events.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether the broker answers, asked every few seconds in the background (never while a probe waits): a Kafka outage
 * does not make a service unready — its outbox keeps accepting changes — but operators see it in the health details
 * and in the gauge {@code wfdr_kafka_reachable}.
 */
@ApplicationScoped
public class KafkaReachability {

    private static final Logger LOG = Logger.getLogger(KafkaReachability.class);

    private final String bootstrapServers;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private Admin admin;
    private volatile State state = new State(false, null, "not asked yet");

    /** What the last probe found, and since when. */
    public record State(boolean reachable, Instant since, String problem) {
    }

    KafkaReachability(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock, MeterRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
        registry.gauge("wfdr_kafka_reachable", this, reachability -> reachability.state.reachable() ? 1 : 0);
    }

    public State state() {
        return state;
    }

    /** Every {@code wfdr.health.kafka-probe-interval} (default 5s; {@code off} never asks, and reports unknown). */
    @Scheduled(every = "${wfdr.health.kafka-probe-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS);
            found(true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            found(false, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    private void found(boolean reachable, String problem) {
        State previous = state;
        if (previous.reachable() != reachable || previous.since() == null) {
            state = new State(reachable, clock.instant(), problem);
            if (reachable) {
                LOG.infof("Kafka at %s answers", bootstrapServers);
            } else {
                LOG.warnf("Kafka at %s does not answer (%s); changes wait in the outbox", bootstrapServers, problem);
            }
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = KafkaClients.connection(kafkaConfig);
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
