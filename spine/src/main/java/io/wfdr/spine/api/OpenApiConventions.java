package io.wfdr.spine.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, so that clients generated from it (pipelines,
 * ticketing systems) are usable: an operationId that is unique and names its resource ({@code list} on
 * {@code /api/servers} becomes {@code listServers}, {@code get} on {@code /api/servers/{id}} {@code getServer}), and
 * the problem+json answers every operation can give (400 bad input, 401, 403, 404 for an unknown id; for a change
 * also 409 and, with a body, 413 and 415).
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        nullableWhenOptional(openAPI);
        Map<String, Integer> uses = new HashMap<>();
        eachOperation(openAPI, (path, operation) -> uses.merge(operation.getOperationId(), 1, Integer::sum));
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach((method, operation) -> {
            if (operation.getOperationId() != null && uses.get(operation.getOperationId()) > 1) {
                operation.setOperationId(OperationIds.qualified(operation.getOperationId(), path));
            }
            problems(operation, path);
            if (method != PathItem.HttpMethod.GET) {
                changeProblems(operation);
            }
        }));
        UnusedSchemas.remove(openAPI);
        OperationExamples.add(openAPI);
    }

    /**
     * What any change can be answered besides: 409 when it lost a race with another change of the same data or the
     * state it needs is not there, 413 when its body is larger than a service takes (1 MB), 415 when it is not JSON.
     */
    private static void changeProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        problem(responses, "409", "Conflict: another change came first, or the state this needs is not there; nothing "
                + "was changed");
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than 1 MB; nothing was changed");
            problem(responses, "415", "The body is not of a media type the operation takes; nothing was changed");
        }
    }

    /**
     * A property a schema does not require may be null on the wire (the services write every field, null or not):
     * OpenAPI 3.0 says so with {@code nullable}.
     */
    private static void nullableWhenOptional(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        components.values().forEach(schema -> {
            if (schema.getProperties() == null) {
                return;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (!required.contains(name)) {
                    nullable(property, components);
                }
            });
        });
    }

    /**
     * Adds null to the property's types. A reference to a plain schema (a time, an enum) is written out in place, as
     * 3.0 can only say {@code nullable} next to a type and ignores the siblings of a $ref; a reference to an object
     * stays: a view whose object may be missing leaves it out ({@code @JsonInclude(NON_NULL)}) rather than write null.
     */
    private static void nullable(Schema property, Map<String, Schema> components) {
        if (property.getRef() != null) {
            String ref = property.getRef();
            Schema target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null || target.getType() == null || target.getType().contains(Schema.SchemaType.OBJECT)) {
                return;
            }
            property.setRef(null);
            property.setType(target.getType());
            property.setFormat(target.getFormat());
            property.setPattern(target.getPattern());
            if (target.getEnumeration() != null) {
                List<Object> values = new ArrayList<>(target.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        List<Schema.SchemaType> types = property.getType();
        if (types != null && !types.contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> withNull = new ArrayList<>(types);
            withNull.add(Schema.SchemaType.NULL);
            property.setType(withNull);
        }
    }

    private static void eachOperation(OpenAPI openAPI, BiConsumer<String, Operation> action) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(
                (method, operation) -> action.accept(path, operation)));
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.getOperations() == null ? Map.of() : item.getOperations();
    }

    private static void problems(Operation operation, String path) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        problem(responses, "400", "Bad input: the problem names each field or parameter and what is wrong with it; "
                + "nothing was changed");
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            problem(responses, "401", "No valid bearer token");
            problem(responses, "403", "The token's roles do not allow this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such " + OperationIds.singular(path));
        }
        problemContents(responses);
        locations(responses);
    }

    private static void problem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(problemContent()));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.setContent(problemContent());
        }
    }

    /** Every 4xx a service answers is problem+json. */
    private static void problemContents(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
    }

    /** A 201 or 202 names what it created or accepted in its Location header. */
    private static void locations(APIResponses responses) {
        for (String status : List.of("201", "202")) {
            APIResponse response = responses.getAPIResponse(status);
            if (response != null && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                response.addHeader("Location", OASFactory.createHeader().description("Where it can be read")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    /** Names that say which resource an operation is about. */
    static final class OperationIds {

        /** Verbs that, on a collection, read many of it; any other (register, create) makes one. */
        private static final Set<String> READS_MANY = Set.of("list", "find", "search");

        private OperationIds() {
        }

        /**
         * {@code list} on {@code /api/servers}: {@code listServers}; {@code register} there: {@code registerServer};
         * {@code drift} on {@code /api/pairs/{id}/drift}: {@code driftOfPair}.
         */
        static String qualified(String operationId, String path) {
            String[] segments = path.replaceFirst("^/api/", "").split("/");
            String collection = camel(segments[0]);
            String one = camel(singularOf(segments[0]));
            if (segments.length == 1) {
                return operationId + (READS_MANY.contains(operationId) ? collection : one);
            }
            if (segments.length == 2) {
                return operationId + one;
            }
            StringBuilder id = new StringBuilder(operationId).append("Of").append(one);
            for (int i = 2; i < segments.length; i++) {
                if (!segments[i].startsWith("{") && !camel(segments[i]).equalsIgnoreCase(operationId)) {
                    id.append(camel(segments[i]));
                }
            }
            return id.toString();
        }

        static String singular(String path) {
            return singularOf(path.replaceFirst("^/api/", "").split("/")[0]).replace('-', ' ');
        }

        private static String singularOf(String plural) {
            if (plural.endsWith("ies")) {
                return plural.substring(0, plural.length() - 3) + "y";
            }
            return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
        }

        private static String camel(String kebab) {
            StringBuilder out = new StringBuilder();
            for (String part : kebab.split("-")) {
                if (!part.isEmpty()) {
                    out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
                }
            }
            return out.toString();
        }
    }
}
