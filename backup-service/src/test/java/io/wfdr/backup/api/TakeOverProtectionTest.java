package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.backup.sqlserver.FakeSqlServers;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protection again, the guide's recovery done: once the inventory says TFLOWF_DR on the DR SQL Server took over from
 * TFLOWF, it is backed up as TFLOWF was (SQL Server is the {@link FakeSqlServers} test double).
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class TakeOverProtectionTest {

    private static final String BACKUP_EVENTS = "wfdr.backup.events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    FakeSqlServers sqlServer;

    private Inventory inventory;
    private final String productionNas = Inventory.id();
    private final String drSql = Inventory.id();
    private final String drLogin = Inventory.id();
    private final String restored = Inventory.id();
    private String restoredName;
    private String drSqlName;
    private Path folder;
    private String productionBackupSet;

    /**
     * TFLOWF on SQLPROD01 at Lakeland, backed up with copies to the DR site's NAS and to a NAS at Lakeland, its last
     * full copied offsite; the DR SQL Server at Atlanta, where TFLOWF_DR is restored.
     */
    @BeforeEach
    void productionProtectedAndADrSqlServer() throws Exception {
        inventory = Inventory.announced();
        restoredName = inventory.fullDbName + "_DR";
        drSqlName = "SQLDR" + drSql.substring(0, 4).toUpperCase();
        inventory.announce("host.registered", inventory.played.machine(productionNas, "nas-prod",
                inventory.productionSite));
        inventory.announce("server.registered", inventory.played.server(drSql, drSqlName, inventory.drSite, null,
                List.of("DATABASE_SERVER")));
        inventory.announce("login.registered", inventory.played.login(drLogin, "wfdr_backup", drSql,
                "env:WFDR_TEST_SQL_PASSWORD"));
        folder = Files.createTempDirectory("wfdr-take-over");
        Map<String, Object> policy = BackupPolicyTest.policy(15, inventory.drMachine);
        policy.put("backupFolder", folder.toString());
        policy.put("backupFolderMount", folder.toString());
        policy.put("destinations", List.of(
                Map.of("path", Files.createTempDirectory("wfdr-dr-nas").toString(), "hostId", inventory.drMachine),
                Map.of("path", Files.createTempDirectory("wfdr-prod-nas").toString(), "hostId", productionNas)));
        policy.put("retentionDays", 21);
        policy.put("compression", false);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("operator").body(policy)
                .put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200));
        as("operator").body(Map.of("loginId", inventory.login, "trustServerCertificate", true))
                .put("/api/sql-servers/" + inventory.server + "/connection").then().statusCode(200);
        productionBackupSet = fullBackupCopiedOffsite(inventory.fullDb);
    }

    @Test
    void theDatabaseThatTookOverGetsTheReplacedPolicyWithItsCopiesAwayFromTheDrSite() {
        connectToTheDrServer();
        takeOver();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").get("/api/databases/" + restored
                + "/policy").then().statusCode(200));
        as("viewer").get("/api/databases/" + restored + "/policy").then()
                .body("databaseName", equalTo(restoredName), "paused", equalTo(false),
                        "policy.full.kind", equalTo("DAILY"), "policy.full.time", equalTo("02:00"),
                        "policy.full.timeZone", equalTo("America/New_York"),
                        "policy.differentialMinutes", equalTo(120), "policy.logMinutes", equalTo(15),
                        "policy.retentionDays", equalTo(21), "policy.compression", equalTo(false),
                        "policy.checksum", equalTo(true), "policy.verifyAfterBackup", equalTo(true),
                        "policy.backupFolder", equalTo(folder.toString()),
                        "policy.destinations", hasSize(1), "policy.destinations[0].hostId", equalTo(productionNas),
                        "warnings", hasItem(containsString("left out")));
        ConsumerRecord<String, String> changed = awaitBackupEvent(restored, "wfdr.backup.policy-changed.v1");
        assertTrue(changed.value().contains("\"databaseName\":\"" + restoredName + "\""), changed.value());
    }

    @Test
    void theDatabaseThatTookOverIsBackedUpInFullAtOnceOnTheDrServer() {
        connectToTheDrServer();
        takeOver();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").queryParam("databaseId", restored)
                .get("/api/operations").then().statusCode(200).body("total", equalTo(1),
                        "items[0].runType", equalTo("FULL"), "items[0].status", equalTo("SUCCEEDED")));
        assertTrue(sqlServer.hosts.contains(drSqlName), "the backup ran on the DR SQL Server: " + sqlServer.hosts);
        awaitBackupEvent(restored, "wfdr.backup.started.v1");
        awaitBackupEvent(restored, "wfdr.backup.completed.v1");
    }

    @Test
    void whenAllTheReplacedPolicysCopiesWentToTheDrSiteTheyStayThereAndThePolicySaysSo() throws Exception {
        Map<String, Object> policy = BackupPolicyTest.policy(15, inventory.drMachine);
        policy.put("backupFolder", folder.toString());
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);
        connectToTheDrServer();
        takeOver();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").get("/api/databases/" + restored
                + "/policy").then().statusCode(200).body("policy.destinations[0].hostId",
                        equalTo(inventory.drMachine), "warnings", hasItem(containsString(
                                "is at a site other than " + restoredName + "'s own"))));
    }

    @Test
    void withoutConnectionSettingsForTheDrServerThePolicyIsMadeAndTheRpoStatusSaysWhyNoBackupRan() {
        takeOver();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").get("/api/databases/" + restored
                + "/policy").then().statusCode(200));
        as("viewer").queryParam("databaseId", restored).get("/api/operations").then().body("total", equalTo(0));
        as("viewer").get("/api/databases/" + restored + "/rpo").then().statusCode(200)
                .body("reason", containsString("no backup ran: no connection settings for " + drSqlName));
        ConsumerRecord<String, String> failed = awaitBackupEvent(restored, "wfdr.backup.failed.v1");
        assertTrue(failed.value().contains("could not start: no connection settings"), failed.value());

        connectToTheDrServer();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").queryParam("databaseId", restored)
                .get("/api/operations").then().body("total", equalTo(1), "items[0].runType", equalTo("FULL")));
    }

    @Test
    void aTakeOverReadBeforeTheDatabaseThatTookOverIsProtectedOnceThatIsAnnounced() {
        connectToTheDrServer();
        inventory.announce("database.taken-over", PlayedInventory.takenOver(inventory.fullDb, restored, drSql,
                Inventory.id(), Inventory.id()));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() ->
                as("viewer").get("/api/databases/" + restored + "/policy").then().statusCode(404));
        announceTheRestoredDatabase();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").queryParam("databaseId", restored)
                .get("/api/operations").then().body("total", equalTo(1), "items[0].runType", equalTo("FULL")));
        as("viewer").get("/api/databases/" + restored + "/policy").then().statusCode(200);
    }

    @Test
    void theRpoAgeAfterTheSwitchCountsFromTheReplacedDatabasesLastBackupUntilItsOwnIsOffsite() throws Exception {
        takeOver();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").get("/api/databases/" + restored + "/rpo")
                .then().statusCode(200).body("newestRestorableBackupSetId", equalTo(productionBackupSet),
                        "state", equalTo("MET"), "ageMinutes", equalTo(0), "targetMinutes", equalTo(30),
                        "reason", containsString("its age counts from " + inventory.fullDbName
                                + "'s newest restorable backup")));
        String productionAt = as("viewer").get("/api/databases/" + inventory.fullDb + "/rpo").then().extract()
                .path("newestRestorableAt");
        as("viewer").get("/api/databases/" + restored + "/rpo").then().body("newestRestorableAt",
                equalTo(productionAt));

        connectToTheDrServer();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").queryParam("databaseId", restored)
                .get("/api/operations").then().body("total", equalTo(1), "items[0].status", equalTo("SUCCEEDED")));
        Map<String, Object> own = BackupPolicyTest.policy(15, productionNas);
        own.put("backupFolder", folder.toString());
        own.put("backupFolderMount", folder.toString());
        own.put("destinations", List.of(Map.of("path", Files.createTempDirectory("wfdr-own").toString(),
                "hostId", productionNas)));
        as("operator").body(own).put("/api/databases/" + restored + "/policy").then().statusCode(200);
        String ownSet = fullBackupCopiedOffsite(restored);
        as("viewer").get("/api/databases/" + restored + "/rpo").then().body("newestRestorableBackupSetId",
                equalTo(ownSet), "reason", equalTo(null));
    }

    /** The inventory's take-over, as it publishes it: the restored database, production inactive, the fact. */
    private void takeOver() {
        announceTheRestoredDatabase();
        Map<String, Object> production = inventory.database(inventory.fullDb, inventory.fullDbName, "FULL");
        production.put("active", false);
        inventory.announce("database.updated", production);
        inventory.announce("database.taken-over", PlayedInventory.takenOver(inventory.fullDb, restored, drSql,
                Inventory.id(), Inventory.id()));
    }

    private void announceTheRestoredDatabase() {
        Map<String, Object> database = inventory.played.database(restored, restoredName, "WORKFLOW", drSql, "FULL",
                30, 240);
        database.put("takesOverFrom", inventory.fullDb);
        inventory.announce("database.registered", database);
    }

    private void connectToTheDrServer() {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("operator")
                .body(Map.of("loginId", drLogin, "trustServerCertificate", true))
                .put("/api/sql-servers/" + drSql + "/connection").then().statusCode(200));
    }

    /** A full backup on demand, once verified offsite: its backup set. */
    private static String fullBackupCopiedOffsite(String databaseId) {
        String location = as("operator").body(Map.of("databaseId", databaseId, "type", "FULL")).post("/api/backups")
                .then().statusCode(202).extract().header("Location");
        Inventory.awaitStatus(location, "SUCCEEDED");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("viewer").get("/api/databases/" + databaseId + "/rpo")
                .then().body("newestRestorableBackupSetId", equalTo(as("viewer").get(location).then().extract()
                        .path("backupSetUuid"))));
        return as("viewer").get(location).then().extract().path("backupSetUuid");
    }

    /** The backup service's event about this database, once it has been read through its AsyncAPI schema. */
    private static ConsumerRecord<String, String> awaitBackupEvent(String databaseId, String type) {
        ConsumerRecord<String, String> event = TestTopics.ofTestBroker().await(BACKUP_EVENTS,
                r -> databaseId.equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")), WAIT)
                .orElseThrow(() -> new AssertionError("no " + type + " for " + databaseId));
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(type, event.value()), type);
        return event;
    }
}
