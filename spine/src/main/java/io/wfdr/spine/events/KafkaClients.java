package io.wfdr.spine.events;

import java.util.HashMap;
import java.util.Map;

/** The settings the spine's own Kafka clients (the outbox relay, the reachability probe) share with the channels. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * The bootstrap servers and every security setting ({@code security.*}, {@code sasl.*}, {@code ssl.*}) of the
     * service's Kafka configuration, so a cluster that authenticates its clients authenticates these too.
     */
    public static Map<String, Object> connection(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        config.put("bootstrap.servers", kafkaConfig.get("bootstrap.servers"));
        return config;
    }
}
