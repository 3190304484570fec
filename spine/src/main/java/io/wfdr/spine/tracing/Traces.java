package io.wfdr.spine.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) of the work going on now, as the outbox stores it and
 * as it travels on a Kafka record's {@code traceparent} header.
 */
public final class Traces {

    public static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> java.util.Arrays.stream(carrier.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> TO_HEADERS = (carrier, key, value) -> {
        carrier.remove(key);
        carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private Traces() {
    }

    /** The trace id of the work going on now, or null outside a trace. */
    public static String currentTraceId() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? current.getTraceId() : null;
    }

    /** The {@code traceparent} of the work going on now, or null outside a trace. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} names (the root context when there is none or it is not valid). */
    public static Context fromTraceparent(String traceparent) {
        return traceparent == null ? Context.root()
                : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
    }

    /** The context the record's {@code traceparent} header names (the root context when it has none). */
    public static Context fromHeaders(Headers headers) {
        return W3C.extract(Context.root(), headers, FROM_HEADERS);
    }

    /** Puts the context's {@code traceparent} on the headers, replacing any there. */
    public static void inject(Context context, Headers headers) {
        W3C.inject(context, headers, TO_HEADERS);
    }
}
