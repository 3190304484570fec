package io.wfdr.spine.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, so that clients generated from it (pipelines,
 * ticketing systems) are usable: an operationId that is unique and names its resource ({@code list} on
 * {@code /api/servers} becomes {@code listServers}, {@code get} on {@code /api/servers/{id}} {@code getServer}), and
 * the problem+json answers every operation can give (400 bad input, 401, 403, 404 for an unknown id, 409).
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Integer> uses = new HashMap<>();
        eachOperation(openAPI, (path, operation) -> uses.merge(operation.getOperationId(), 1, Integer::sum));
        eachOperation(openAPI, (path, operation) -> {
            if (operation.getOperationId() != null && uses.get(operation.getOperationId()) > 1) {
                operation.setOperationId(OperationIds.qualified(operation.getOperationId(), path));
            }
            problems(operation, path);
        });
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
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
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
