package io.wfdr.spine.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.wfdr.spine.events.CloudEventHeaders;
import io.wfdr.spine.events.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends outbox messages as CloudEvents (Kafka binding, binary mode) with an idempotent producer and acks=all.
 * After a failed send the producer is thrown away, so a broker that comes back meets a fresh one.
 */
@ApplicationScoped
public class KafkaEventPublisher {

    private final Map<String, Object> kafkaConfig;
    private Producer<String, String> producer;

    KafkaEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** Sends all messages and waits until Kafka has acknowledged every one of them, or throws. */
    public synchronized void publishAll(List<OutboxMessage> messages, Duration timeout) throws Exception {
        Producer<String, String> current = producer();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(messages.size());
            for (OutboxMessage message : messages) {
                acks.add(current.send(toRecord(message)));
            }
            current.flush();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            discardProducer();
            throw e;
        }
    }

    static ProducerRecord<String, String> toRecord(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, message.eventId);
        header(headers, CloudEventHeaders.TYPE, message.type);
        header(headers, CloudEventHeaders.SOURCE, message.source);
        header(headers, CloudEventHeaders.TIME, message.occurredAt.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (message.subject != null) {
            header(headers, CloudEventHeaders.SUBJECT, message.subject);
        }
        if (message.actor != null) {
            header(headers, CloudEventHeaders.ACTOR, message.actor);
        }
        if (message.requestId != null) {
            header(headers, CloudEventHeaders.REQUEST_ID, message.requestId);
        }
        return new ProducerRecord<>(message.topic, null, message.key, message.payload, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = KafkaClients.connection(kafkaConfig);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
