package io.wfdr.restore.sqlserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * {@link SimulatedState} as a JSON document and back: everything the server holds (media, databases with their
 * restore history, logins, folders, certificates, the counts of actions that must never run twice) and the
 * statements it executed — what a real SQL Server keeps on its disks. Faults a test injects are not part of it.
 */
final class SimulatedStateJson {

    static final int VERSION = 1;
    static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    private SimulatedStateJson() {
    }

    static ObjectNode write(SimulatedState state, List<String> executed) {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        root.set("facts", JSON.valueToTree(state.facts));
        ArrayNode media = root.putArray("media");
        for (SimulatedMediaSet set : state.media) {
            ObjectNode node = media.addObject();
            node.set("files", JSON.valueToTree(set.files));
            node.set("backupSets", JSON.valueToTree(set.backupSets));
            node.put("damaged", set.damaged);
        }
        root.set("missingFiles", JSON.valueToTree(state.missingFiles));
        ArrayNode databases = root.putArray("databases");
        for (SimulatedDatabase database : state.databases.values()) {
            databases.add(database(database));
        }
        root.set("logins", JSON.valueToTree(state.logins.values()));
        root.set("freeBytes", JSON.valueToTree(state.freeBytes));
        root.set("encryptors", JSON.valueToTree(state.encryptors));
        root.set("loginsCreated", JSON.valueToTree(state.loginsCreated));
        root.set("recoveries", JSON.valueToTree(state.recoveries));
        root.set("backupSetsRestored", JSON.valueToTree(state.backupSetsRestored));
        root.set("executed", JSON.valueToTree(executed));
        return root;
    }

    static void read(JsonNode root, SimulatedState state, List<String> executed) {
        try {
            if (root.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException("not a simulated SQL Server of version " + VERSION + ": "
                        + root.path("version"));
            }
            state.facts = JSON.treeToValue(root.get("facts"), ServerFacts.class);
            for (JsonNode node : root.path("media")) {
                SimulatedMediaSet set = new SimulatedMediaSet(strings(node.get("files")),
                        List.of(JSON.treeToValue(node.get("backupSets"), SimulatedBackup[].class)));
                set.damaged = node.path("damaged").asBoolean();
                state.media.add(set);
            }
            state.missingFiles.addAll(strings(root.get("missingFiles")));
            for (JsonNode node : root.path("databases")) {
                state.put(database(node));
            }
            for (SimulatedLogin login : JSON.treeToValue(root.get("logins"), SimulatedLogin[].class)) {
                state.logins.put(SimulatedState.key(login.name()), login);
            }
            root.path("freeBytes").fields().forEachRemaining(e -> state.freeBytes.put(e.getKey(), e.getValue()
                    .asLong()));
            state.encryptors.addAll(strings(root.get("encryptors")));
            counts(root.get("loginsCreated"), state.loginsCreated);
            counts(root.get("recoveries"), state.recoveries);
            counts(root.get("backupSetsRestored"), state.backupSetsRestored);
            executed.addAll(strings(root.get("executed")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a simulated SQL Server: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode database(SimulatedDatabase database) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", database.name).put("state", database.state).put("userAccess", database.userAccess)
                .put("recoveryModel", database.recoveryModel).put("sourceDatabase", database.sourceDatabase)
                .put("baseGuid", database.baseGuid).put("lsn", database.lsn).put("forkGuid", database.forkGuid)
                .put("newestActivity", database.newestActivity == null ? null : database.newestActivity.toString())
                .put("corrupt", database.corrupt);
        node.set("files", JSON.valueToTree(database.files));
        node.set("users", JSON.valueToTree(database.users));
        node.set("history", JSON.valueToTree(database.history));
        return node;
    }

    private static SimulatedDatabase database(JsonNode node) throws JsonProcessingException {
        SimulatedDatabase database = new SimulatedDatabase(node.get("name").asText(), text(node, "sourceDatabase"));
        database.state = text(node, "state");
        database.userAccess = text(node, "userAccess");
        database.recoveryModel = text(node, "recoveryModel");
        database.baseGuid = text(node, "baseGuid");
        database.lsn = node.path("lsn").isNull() || node.path("lsn").isMissingNode() ? null
                : new BigDecimal(node.get("lsn").asText());
        database.forkGuid = text(node, "forkGuid");
        String activity = text(node, "newestActivity");
        database.newestActivity = activity == null ? null : Instant.parse(activity);
        database.corrupt = node.path("corrupt").asBoolean();
        for (Map.Entry<String, JsonNode> file : (Iterable<Map.Entry<String, JsonNode>>) () -> node.get("files")
                .fields()) {
            database.files.put(file.getKey(), JSON.treeToValue(file.getValue(), SimulatedDatabase.File.class));
        }
        database.users.addAll(List.of(JSON.treeToValue(node.get("users"), SimulatedUser[].class)));
        database.history.addAll(List.of(JSON.treeToValue(node.get("history"), SimulatedDatabase.Restored[].class)));
        return database;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        return array == null ? List.of() : java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static void counts(JsonNode node, Map<String, Integer> into) {
        if (node != null) {
            node.fields().forEachRemaining(e -> into.put(e.getKey(), e.getValue().asInt()));
        }
    }
}
