package io.wfdr.restore.api;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.contract.ContractJson;

/** Plays the inventory and the backup service for the restore service's tests: their events, as they publish them. */
final class Publish {

    private Publish() {
    }

    static void backupEvent(String key, String type, Object data) {
        send("wfdr.backup.events", key, ContractJson.write(data), type, "/wfdr/backup-service");
    }

    /** An inventory event, keyed by its aggregate's id (a pair's for pair events). */
    static void inventory(String what, Map<String, Object> data) {
        Object key = data.containsKey("id") ? data.get("id") : ((Map<?, ?>) data.get("pair")).get("id");
        try {
            send("wfdr.inventory.events", String.valueOf(key), new ObjectMapper().writeValueAsString(data),
                    "wfdr.inventory." + what + ".v1", "/wfdr/inventory-service");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(String topic, String key, String json, String type, String source) {
        TestTopics.ofTestBroker().send(topic, key, json, Map.of("ce_specversion", "1.0", "ce_id", id(), "ce_type", type,
                "ce_source", source, "content-type", "application/json"));
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", "Bearer " + BearerTokens.forRole(role)).contentType("application/json");
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
