package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.CopyState;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.domain.OperationStatus;
import io.wfdr.backup.service.WorkProbe;
import io.wfdr.backup.sqlserver.FakeSqlServers;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.contract.BackupType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work that runs in the background, claimed under leases: copies, interrupted operations, republishing. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class BackgroundWorkTest {

    @Inject
    FakeSqlServers sqlServer;

    @Inject
    WorkProbe work;

    @Inject
    EntityManager em;

    private Inventory inventory;

    @BeforeEach
    void aDatabaseWithAPolicyAndAConnection() {
        inventory = Inventory.announced().withPolicyAndConnection();
    }

    @Test
    void twoInstancesAttemptingOneCopyAtOnceCopyItOnce() throws Exception {
        Path folder = Files.createTempDirectory("wfdr-copy-race");
        Files.write(folder.resolve("TFLOWF.bak"), new byte[3 * 1024 * 1024]);
        String copyId = pendingCopy(folder.resolve("TFLOWF.bak"), folder.resolve("dr"));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<?>> attempts = List.of(instances.submit(() -> work.attemptCopy(copyId)),
                instances.submit(() -> work.attemptCopy(copyId)));
        for (Future<?> attempt : attempts) {
            attempt.get();
        }
        instances.shutdown();
        OffsiteCopy copy = copy(copyId);
        assertEquals(CopyState.VERIFIED, copy.state);
        assertEquals(1, copy.attempts, "one claim won, the other stayed away");
    }

    @Test
    void aCopyThatKeepsFailingIsAbandonedAfterItsLastAttemptAndItsPartialFileRemoved() throws Exception {
        Path folder = Files.createTempDirectory("wfdr-copy-abandon");
        Path dr = Files.createDirectories(folder.resolve("dr"));
        Files.write(dr.resolve("TFLOWF.bak.partial"), new byte[4096]);
        String copyId = pendingCopy(folder.resolve("not-there.bak"), dr);
        QuarkusTransaction.requiringNew().run(() -> em.find(OffsiteCopy.class, copyId).path =
                dr.resolve("TFLOWF.bak").toString());

        work.attemptCopy(copyId);
        assertEquals(CopyState.PENDING, copy(copyId).state, "the first failure is tried again");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            work.retryDueCopies();
            assertEquals(CopyState.ABANDONED, copy(copyId).state);
        });
        assertEquals(2, copy(copyId).attempts);
        assertFalse(Files.exists(dr.resolve("TFLOWF.bak.partial")));
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.copy-failed.v1".equals(TestTopics.header(r, "ce_type")) && r.value().contains(copyId)
                        && r.value().contains("\"attempt\":2") && r.value().contains("\"nextAttemptAt\":null"),
                Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void recoveryLeavesAnOperationAloneWhileItsInstanceStillHeartbeats() {
        String id = runningOperation("another-instance", Instant.now());
        work.recoverOperations();
        assertEquals(OperationStatus.RUNNING, operation(id).status);
    }

    @Test
    void anOperationWhoseInstanceDiedIsCompletedFromMsdbWhenSqlServerFinishedIt() {
        String id = runningOperation("dead-instance", Instant.now().minus(Duration.ofMinutes(10)));
        sqlServer.backupWrittenTo(inventory.fullDbName, BackupType.FULL, operation(id).devicePath);
        work.recoverOperations();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(OperationStatus.SUCCEEDED, operation(id).status));
        as("viewer").get("/api/operations/" + id).then().body("message", containsString("found in msdb"),
                "verifyOnly", equalTo("NOT_RUN"));
        as("viewer").get("/api/catalog?databaseId=" + inventory.fullDb).then().body("total", equalTo(1));
    }

    @Test
    void anOperationWhoseInstanceDiedBeforeSqlServerWroteAnythingIsReportedFailed() {
        String id = runningOperation("dead-instance", Instant.now().minus(Duration.ofMinutes(10)));
        work.recoverOperations();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(OperationStatus.FAILED, operation(id).status));
        assertTrue(operation(id).message.contains("interrupted"));
    }

    @Test
    void aRepublishCommandSendsTheWholeCatalogAgainThenSaysItIsDone() {
        var first = sqlServer.backupByAnotherTool(inventory.fullDbName, BackupType.FULL);
        var second = sqlServer.backupByAnotherTool(inventory.fullDbName, BackupType.LOG);
        as("operator").post("/api/catalog/import?days=1&databaseId=" + inventory.fullDb).then().statusCode(200);
        String commandId = UUID.randomUUID().toString();
        TestTopics.ofTestBroker().send("wfdr.backup.commands", inventory.fullDb,
                "{\"databaseId\":\"" + inventory.fullDb + "\",\"reason\":\"restore-service started late\"}",
                Map.of("ce_specversion", "1.0", "ce_id", commandId, "ce_type", "wfdr.backup.republish.v1",
                        "ce_source", "/wfdr/restore-service", "ce_actor", "dba.jones", "content-type", "application/json"));
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.republished.v1".equals(TestTopics.header(r, "ce_type"))
                        && r.value().contains(commandId) && r.value().contains("\"backupSets\":2"),
                Duration.ofSeconds(30)).isPresent());
        for (String set : List.of(first.backupSetUuid(), second.backupSetUuid())) {
            assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                    r -> "wfdr.backup.cataloged.v1".equals(TestTopics.header(r, "ce_type"))
                            && r.value().contains("\"origin\":\"REPUBLISH\"") && r.value().contains(set),
                    Duration.ofSeconds(30)).isPresent(), set);
        }
    }

    @Test
    void aRepublishCommandForAnUnknownDatabaseIsRejectedForTheAsker() {
        String commandId = UUID.randomUUID().toString();
        TestTopics.ofTestBroker().send("wfdr.backup.commands", "x", "{\"databaseId\":\"no-such-database\"}",
                Map.of("ce_specversion", "1.0", "ce_id", commandId, "ce_type", "wfdr.backup.republish.v1",
                        "ce_source", "/wfdr/restore-service", "ce_actor", "dba.jones", "content-type", "application/json"));
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.command.rejected.v1".equals(TestTopics.header(r, "ce_type"))
                        && r.value().contains(commandId), Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void onlyAnAdminRepublishesThroughTheApi() {
        as("operator").post("/api/catalog/republish").then().statusCode(403);
        String location = as("admin").post("/api/catalog/republish?databaseId=" + inventory.fullDb).then()
                .statusCode(202).body("state", equalTo("PENDING")).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get(location).then().statusCode(200).body("state", equalTo("DONE"),
                        "databaseId", equalTo(inventory.fullDb)));
        as("viewer").get("/api/catalog/republish/" + UUID.randomUUID()).then().statusCode(404);
    }

    private String pendingCopy(Path source, Path destination) {
        String id = UUID.randomUUID().toString();
        String backupSet = UUID.randomUUID().toString().toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> {
            em.persist(io.wfdr.backup.domain.CatalogRecord.of(inventory.fullDb, io.wfdr.spine.contract.BackupSet.ofChain(
                    backupSet, inventory.fullDbName, BackupType.FULL, false, java.math.BigDecimal.TEN,
                    java.math.BigDecimal.valueOf(20), null, null, "F", "F", Instant.now(), false), null));
            OffsiteCopy copy = new OffsiteCopy();
            copy.id = id;
            copy.backupSetId = backupSet;
            copy.operationId = UUID.randomUUID().toString();
            copy.databaseId = inventory.fullDb;
            copy.hostId = inventory.drMachine;
            copy.siteId = inventory.drSite;
            copy.stripe = 1;
            copy.sourcePath = source.toString();
            copy.destinationPath = destination.toString();
            copy.path = destination.resolve(source.getFileName()).toString();
            copy.state = CopyState.PENDING;
            copy.attempts = 0;
            copy.nextAttemptAt = Instant.now().minusSeconds(1);
            copy.copiedAt = Instant.now();
            em.persist(copy);
        });
        return id;
    }

    private String runningOperation(String owner, Instant heartbeat) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            BackupOperation operation = new BackupOperation();
            operation.id = id;
            operation.databaseId = inventory.fullDb;
            operation.requestedType = BackupType.FULL;
            operation.runType = BackupType.FULL;
            operation.status = OperationStatus.RUNNING;
            operation.script = "BACKUP DATABASE [" + inventory.fullDbName + "] TO DISK = N'D:\\Backup\\" + id + ".bak';";
            operation.devicePath = "D:\\Backup\\" + id + ".bak";
            operation.fileName = id + ".bak";
            operation.owner = owner;
            operation.heartbeatAt = heartbeat;
            operation.createdAt = heartbeat;
            operation.startedAt = heartbeat;
            em.persist(operation);
        });
        return id;
    }

    private OffsiteCopy copy(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(OffsiteCopy.class, id));
    }

    private BackupOperation operation(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(BackupOperation.class, id));
    }
}
