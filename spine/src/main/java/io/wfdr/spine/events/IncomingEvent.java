package io.wfdr.spine.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from Kafka, checked against the envelope every wfdr producer writes; {@code actor} and {@code
 * requestId} are the extension attributes of who caused it (absent from producers that do not set them).
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String key,
        JsonNode data, String actor, String requestId) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException("ce_specversion must be 1.0, was " + specVersion);
        }
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        return new IncomingEvent(id, type, source, header(record, CloudEventHeaders.SUBJECT), time(record),
                record.key(), data(record, json), header(record, CloudEventHeaders.ACTOR),
                header(record, CloudEventHeaders.REQUEST_ID));
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME);
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time: " + time);
        }
    }

    private static JsonNode data(ConsumerRecord<String, String> record, ObjectMapper json) {
        if (record.value() == null) {
            throw new MalformedEventException("the event has no data");
        }
        try {
            JsonNode node = json.readTree(record.value());
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("data must be a JSON object");
            }
            return node;
        } catch (MalformedEventException e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedEventException("data is not valid JSON: " + e.getMessage());
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
