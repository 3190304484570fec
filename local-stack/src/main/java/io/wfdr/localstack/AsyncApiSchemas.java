package io.wfdr.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The payload schemas of {@code asyncapi/wfdr.asyncapi.yaml}, by event type, as a strict reader of the topics would
 * use them: JSON Schema draft-07 (AsyncAPI's default schema format), {@code $ref}s resolved against the whole
 * document, unknown properties refused by the schemas' {@code additionalProperties: false}. What a service
 * publishes and what another service's tests feed in as its events are both held to them.
 */
public final class AsyncApiSchemas {

    private static final String BASE = "urn:wfdr:asyncapi";
    private static AsyncApiSchemas document;

    private final Map<String, JsonSchema> byType = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    private AsyncApiSchemas(JsonNode document) {
        JsonSchema root = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of(BASE), document, SchemaValidatorsConfig.builder().build());
        Iterator<Map.Entry<String, JsonNode>> messages = document.path("components").path("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> message = messages.next();
            if (message.getValue().has("payload")) {
                JsonSchema payload = root.getSubSchema(SchemaLocation.of(BASE + "#/components/messages/"
                        + message.getKey() + "/payload").getFragment());
                payload.initializeValidators();
                byType.put(message.getValue().path("name").asText(), payload);
            }
        }
    }

    /** The document of the checkout the tests run in (a module's working directory is its own folder). */
    public static synchronized AsyncApiSchemas ofThisCheckout() {
        if (document == null) {
            try {
                document = new AsyncApiSchemas(new YAMLMapper().readTree(
                        Files.readString(Path.of("..", "asyncapi", "wfdr.asyncapi.yaml"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    public boolean documents(String type) {
        return byType.containsKey(type);
    }

    /** The problems a strict reader finds in this event's data; empty when it reads it. */
    public List<String> problems(String type, String data) {
        JsonSchema schema = byType.get(type);
        if (schema == null) {
            return List.of(type + " is not documented");
        }
        Set<ValidationMessage> errors;
        try {
            errors = schema.validate(json.readTree(data));
        } catch (IOException e) {
            return List.of(type + " is not JSON: " + e.getMessage());
        }
        return errors.stream().map(e -> type + " " + e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
