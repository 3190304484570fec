package io.wfdr.spine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class KafkaReachabilityTest {

    @Test
    void aProbeOfAnAbsentBrokerReportsItUnreachableAndLeavesNoClientRunningUntilTheNextProbe() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + port;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaReachability reachability = new KafkaReachability(bootstrap, Map.of("bootstrap.servers", bootstrap),
                Clock.systemUTC(), registry);

        reachability.probe();

        assertFalse(reachability.state().reachable());
        assertNotNull(reachability.state().since());
        assertEquals(0.0, registry.get("wfdr_kafka_reachable").gauge().value());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.isAlive() && thread.getName().endsWith("| " + reachability.clientId())));
    }
}
