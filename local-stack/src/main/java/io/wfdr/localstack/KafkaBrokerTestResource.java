package io.wfdr.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one {@link LocalKafkaBroker} for the whole test JVM (use it with
 * {@code @WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)}).
 * Tests that must take the broker away reach it through {@link #broker()}.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafkaBroker broker;

    public static synchronized LocalKafkaBroker broker() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("wfdr-test-kafka");
                broker = new LocalKafkaBroker(dir, LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        LocalKafkaBroker started = broker().start();
        return Map.of("kafka.bootstrap.servers", started.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM: other test classes share it.
    }
}
