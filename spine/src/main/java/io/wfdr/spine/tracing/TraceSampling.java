package io.wfdr.spine.tracing;

import java.util.List;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * Every call and event carries a trace id wherever wfdr runs; spans are recorded and exported only where an OTLP
 * endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or {@code …_TRACES_ENDPOINT}). Elsewhere spans
 * are not sampled: their ids still travel (W3C traceparent, flag 00) but nothing is sent anywhere.
 */
public class TraceSampling {

    private static final Logger LOG = Logger.getLogger(TraceSampling.class);
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");
    /** The ordinal of the defaults the extension itself registers: a value from there was not configured. */
    private static final int DEFAULTS = 0;

    @Produces
    @Singleton
    Sampler sampler() {
        String endpoint = configuredEndpoint(ConfigProvider.getConfig());
        if (endpoint == null) {
            return Sampler.alwaysOff();
        }
        LOG.infof("Traces are exported to %s", endpoint);
        return Sampler.parentBased(Sampler.alwaysOn());
    }

    /** The OTLP endpoint an operator configured, or null when none was. */
    static String configuredEndpoint(Config config) {
        for (String key : ENDPOINTS) {
            ConfigValue value = config.getConfigValue(key);
            if (value.getValue() != null && !value.getValue().isBlank() && value.getSourceOrdinal() > DEFAULTS) {
                return value.getValue();
            }
        }
        return null;
    }
}
