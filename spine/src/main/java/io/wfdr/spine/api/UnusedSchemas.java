package io.wfdr.spine.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Drops the component schemas no operation reaches any more (an enum written out in place where a property may be
 * null leaves its component behind): a client generator would make types nobody uses, and Redocly warns.
 */
final class UnusedSchemas {

    private UnusedSchemas() {
    }

    static void remove(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            parameters(item.getParameters()).forEach(pending::push);
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> schemasOf(operation).forEach(pending::push));
            }
        });
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (used.add(name) && components.containsKey(name)) {
                    pending.push(components.get(name));
                }
            }
            children(schema).forEach(pending::push);
        }
        List.copyOf(components.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static Stream<Schema> schemasOf(Operation operation) {
        Stream<Schema> body = operation.getRequestBody() == null ? Stream.empty()
                : content(operation.getRequestBody().getContent());
        Stream<Schema> answers = operation.getResponses() == null || operation.getResponses().getAPIResponses() == null
                ? Stream.empty()
                : operation.getResponses().getAPIResponses().values().stream().flatMap(r -> content(r.getContent()));
        return Stream.of(parameters(operation.getParameters()), body, answers).flatMap(s -> s);
    }

    private static Stream<Schema> parameters(List<Parameter> parameters) {
        return parameters == null ? Stream.empty() : parameters.stream().map(Parameter::getSchema)
                .filter(Objects::nonNull);
    }

    private static Stream<Schema> content(Content content) {
        return content == null || content.getMediaTypes() == null ? Stream.empty()
                : content.getMediaTypes().values().stream().map(m -> m.getSchema()).filter(Objects::nonNull);
    }

    private static Stream<Schema> children(Schema schema) {
        Stream<Schema> properties = schema.getProperties() == null ? Stream.empty()
                : schema.getProperties().values().stream();
        Stream<Schema> combined = Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull).flatMap(List::stream);
        Stream<Schema> single = Stream.of(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema())
                .filter(Objects::nonNull);
        return Stream.of(properties, combined, single).flatMap(s -> s);
    }
}
