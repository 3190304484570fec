package io.wfdr.spine.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.spine.events.KafkaClients;
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
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String bootstrapServers;
    private final Map<String, Object> kafkaConfig;
    private final Clock clock;
    private final String clientId = "wfdr-kafka-probe-" + INSTANCES.incrementAndGet();
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

    /** The client id of the probes' admin clients (their network thread is named after it). */
    String clientId() {
        return clientId;
    }

    /** Every {@code wfdr.health.kafka-probe-interval} (default 5s; {@code off} never asks, and reports unknown). */
    @Scheduled(every = "${wfdr.health.kafka-probe-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        try (Admin admin = admin()) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get(3, TimeUnit.SECONDS);
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

    /**
     * A client for one probe, closed after it: an admin client kept open while the broker is away spins in its
     * rebootstrap loop (Kafka 4.1: one core busy, gigabytes of garbage a minute), so nothing of it lives between
     * probes, and it does not rebootstrap within one.
     */
    private Admin admin() {
        Map<String, Object> config = KafkaClients.connection(kafkaConfig);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        return Admin.create(config);
    }
}
