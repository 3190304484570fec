package io.wfdr.spine.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.wfdr.spine.events.CloudEventHeaders;
import io.wfdr.spine.events.KafkaClients;
import io.wfdr.spine.health.KafkaReachability;
import io.wfdr.spine.tracing.Traces;
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
 * Sends outbox messages as CloudEvents (Kafka binding, binary mode) with an idempotent producer and acks=all, and
 * reports for each whether Kafka took it, refused it for good or could not be reached. The producer is kept across
 * outages (its retries are deduplicated by the broker) and thrown away only when it is broken.
 */
@ApplicationScoped
public class KafkaEventPublisher {

    static final int DELIVERY_TIMEOUT_MS = 12_000;
    static final int MAX_REQUEST_SIZE = 1_048_576;
    private static final int RECORD_OVERHEAD = 1_024;

    private final Map<String, Object> kafkaConfig;
    private final KafkaReachability reachability;
    private final Tracer tracer;
    private Producer<String, String> producer;

    KafkaEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            KafkaReachability reachability, Tracer tracer) {
        this.kafkaConfig = kafkaConfig;
        this.reachability = reachability;
        this.tracer = tracer;
    }

    /**
     * Sends the messages (in order; a key whose message was not sent sends nothing more in this call) and waits
     * until Kafka has answered for every one sent: nothing is left in flight when this returns, so nothing is sent
     * again while an earlier send of it may still arrive.
     *
     * @return what became of each message, in the order given
     */
    public synchronized List<SendOutcome> publishAll(List<OutboxMessage> messages) {
        Producer<String, String> current = producer();
        List<SendOutcome> outcomes = new ArrayList<>(messages.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(messages.size());
        List<Span> spans = new ArrayList<>(messages.size());
        Set<String> stoppedKeys = new HashSet<>();
        Map<String, SendOutcome> unavailableTopics = new HashMap<>();
        for (OutboxMessage message : messages) {
            SendOutcome refused = stoppedKeys.contains(message.key) ? SendOutcome.notSent(
                    "an earlier event of its key was not delivered") : unavailableTopics.get(message.topic);
            if (refused == null) {
                refused = tooLarge(message);
            }
            Future<RecordMetadata> ack = null;
            Span span = null;
            if (refused == null) {
                span = publishSpan(message);
                ack = current.send(toRecord(message, span));
                Throwable failure = failedAtOnce(ack);
                if (failure != null) {
                    refused = SendFailures.classify(failure, message.topic, reachability);
                    if (SendFailures.topicWide(failure)) {
                        // no metadata for the topic (unknown, not allowed, broker away): spare its other events
                        // the same wait
                        unavailableTopics.put(message.topic, refused);
                    }
                    ack = null;
                }
            }
            if (refused != null) {
                stoppedKeys.add(message.key);
            }
            outcomes.add(refused);
            acks.add(ack);
            spans.add(span);
        }
        current.flush();
        awaitAnswers(messages, outcomes, acks);
        endSpans(spans, outcomes);
        if (outcomes.stream().anyMatch(SendOutcome::producerBroken)) {
            discardProducer();
        }
        return outcomes;
    }

    /** Why the producer failed a send before it left (no metadata for the topic, a client-side refusal), or null. */
    private static Throwable failedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void awaitAnswers(List<OutboxMessage> messages, List<SendOutcome> outcomes,
            List<Future<RecordMetadata>> acks) {
        long waitMillis = DELIVERY_TIMEOUT_MS + 10_000;
        for (int i = 0; i < acks.size(); i++) {
            Future<RecordMetadata> ack = acks.get(i);
            if (ack == null) {
                continue;
            }
            try {
                ack.get(waitMillis, TimeUnit.MILLISECONDS);
                outcomes.set(i, SendOutcome.DELIVERED);
            } catch (ExecutionException e) {
                outcomes.set(i, SendFailures.classify(e.getCause(), messages.get(i).topic, reachability));
            } catch (java.util.concurrent.TimeoutException e) {
                outcomes.set(i, SendOutcome.brokenProducer("Kafka did not answer within its delivery timeout"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.set(i, SendOutcome.brokenProducer("interrupted while waiting for Kafka"));
            }
        }
    }

    private static SendOutcome tooLarge(OutboxMessage message) {
        long size = RECORD_OVERHEAD + utf8Length(message.key) + utf8Length(message.payload) + 8L * 64;
        return size <= MAX_REQUEST_SIZE ? null : SendOutcome.refused("the event of about " + size
                + " bytes is larger than a Kafka request may be (" + MAX_REQUEST_SIZE + " bytes)");
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The send, in the trace of the work that wrote the event; its context travels as the record's traceparent. */
    private Span publishSpan(OutboxMessage message) {
        return tracer.spanBuilder("publish " + message.topic).setSpanKind(SpanKind.PRODUCER)
                .setParent(Traces.fromTraceparent(message.traceparent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", message.topic)
                .setAttribute("messaging.message.id", message.eventId)
                .startSpan();
    }

    private static void endSpans(List<Span> spans, List<SendOutcome> outcomes) {
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span == null) {
                continue;
            }
            SendOutcome outcome = outcomes.get(i);
            if (outcome != SendOutcome.DELIVERED) {
                span.setStatus(StatusCode.ERROR, outcome == null ? "not answered" : String.valueOf(outcome.reason()));
            }
            span.end();
        }
    }

    static ProducerRecord<String, String> toRecord(OutboxMessage message, Span span) {
        RecordHeaders headers = new RecordHeaders();
        Traces.inject(Context.root().with(span), headers);
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
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
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
