package io.wfdr.spine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Gives every operation an example, from one hand-written example per schema in the service's
 * {@code META-INF/openapi-examples.yaml} (a test holds each to its schema): a request body or answer of that
 * schema shows it, a page of it shows a page holding it, a list a list of it; an operation answering plain text is
 * keyed {@code operation:<operationId>}. Ids in paths and queries show an id.
 */
final class OperationExamples {

    static final String RESOURCE = "META-INF/openapi-examples.yaml";
    static final String AN_ID = "5b0c2c6e-58a4-4a3e-9e62-2a8cf3c1f0a1";
    private static final String SCHEMAS = "#/components/schemas/";

    private final Map<String, Object> bySchema;

    private OperationExamples(Map<String, Object> bySchema) {
        this.bySchema = bySchema;
    }

    static void add(OpenAPI openAPI) {
        Map<String, Object> examples = load();
        if (examples.isEmpty() || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        OperationExamples adder = new OperationExamples(examples);
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(adder::add);
            }
        });
    }

    private void add(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(OperationExamples::idExample);
        }
        if (operation.getRequestBody() != null) {
            add(operation.getRequestBody().getContent(), operation.getOperationId());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    add(response.getContent(), operation.getOperationId());
                }
            });
        }
    }

    /** An id shorter than a UUID (a W3C trace id: 32 hex digits). */
    private static final String A_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static void idExample(Parameter parameter) {
        String name = parameter.getName();
        if (parameter.getExample() == null && name != null && (name.equals("id") || name.endsWith("Id"))
                && (parameter.getIn() == Parameter.In.PATH || parameter.getIn() == Parameter.In.QUERY)) {
            Integer max = parameter.getSchema() == null ? null : parameter.getSchema().getMaxLength();
            parameter.setExample(max != null && max < AN_ID.length() ? A_TRACE_ID.substring(0, Math.min(max,
                    A_TRACE_ID.length())) : AN_ID);
        }
    }

    private void add(Content content, String operationId) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                Object example = bySchema.containsKey("operation:" + operationId)
                        ? bySchema.get("operation:" + operationId) : of(media.getSchema());
                if (example != null) {
                    media.setExample(example);
                }
            }
        }
    }

    /** The example of a schema: its own, or a page or list of the example of what it holds. */
    private Object of(Schema schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (bySchema.containsKey(name)) {
                return bySchema.get(name);
            }
            Object item = name.startsWith("Page") ? bySchema.get(name.substring("Page".length())) : null;
            return item == null ? null : page(item);
        }
        if (schema.getItems() != null) {
            Object item = of(schema.getItems());
            return item == null ? null : List.of(item);
        }
        return null;
    }

    private static Map<String, Object> page(Object item) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", List.of(item));
        page.put("page", 0);
        page.put("size", 50);
        page.put("total", 1);
        return page;
    }

    /** Every {@code META-INF/openapi-examples.yaml} on the class path: the spine's (the audit trail) and the service's. */
    private static Map<String, Object> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, Object> examples = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader == null ? Collections.emptyEnumeration() : loader.getResources(RESOURCE);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    // YAML anchors let one example be reused in another; times are quoted, so they stay strings
                    Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    if (file != null) {
                        examples.putAll(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI examples in " + RESOURCE + " cannot be read", e);
        }
        return examples;
    }
}
