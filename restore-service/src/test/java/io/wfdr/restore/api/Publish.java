package io.wfdr.restore.api;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.contract.ContractJson;

/** Plays the inventory and the backup service for the restore service's tests: their events, as they publish them. */
final class Publish {

    private Publish() {
    }

    static void backupEvent(String key, String type, Object data) {
        send("wfdr.backup.events", key, ContractJson.write(data), type, "/wfdr/backup-service");
    }

    /** Plays inventory-service: its views, each event checked against the AsyncAPI document before it is sent. */
    static final PlayedInventory INVENTORY = PlayedInventory.onTheTestBroker();

    static void inventory(String what, Map<String, Object> data) {
        INVENTORY.announce(what, data);
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
