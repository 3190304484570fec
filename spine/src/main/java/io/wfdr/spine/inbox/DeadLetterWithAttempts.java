package io.wfdr.spine.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The channels' failure strategy ({@code failure-strategy=wfdr-dead-letter}): SmallRye's dead-letter queue (its
 * {@code dead-letter-queue.*} settings, its reason and origin headers), plus what an operator needs to judge a dead
 * letter: the consumer group that gave up, how many attempts it made and when the first one failed.
 */
@ApplicationScoped
@Identifier(DeadLetterWithAttempts.STRATEGY)
public class DeadLetterWithAttempts implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "wfdr-dead-letter";
    public static final String GROUP = "dead-letter-consumer-group";
    public static final String ATTEMPTS = "dead-letter-attempts";
    public static final String FIRST_FAILURE = "dead-letter-first-failure";

    private final KafkaFailureHandler.Factory deadLetterQueue;

    DeadLetterWithAttempts(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        String group = config.getGroupId().orElse("");
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return delegate.handle(record, reason, metadata.with(OutgoingKafkaRecordMetadata.builder()
                        .withHeaders(headers(group, reason)).build()));
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    static List<RecordHeader> headers(String group, Throwable reason) {
        GivenUp givenUp = givenUp(reason);
        int attempts = givenUp == null ? 1 : givenUp.attempts();
        Instant first = givenUp == null ? Instant.now() : givenUp.firstFailure();
        return List.of(header(GROUP, group), header(ATTEMPTS, String.valueOf(attempts)),
                header(FIRST_FAILURE, first.toString()));
    }

    private static GivenUp givenUp(Throwable reason) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = reason; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof GivenUp given) {
                return given;
            }
        }
        return null;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
