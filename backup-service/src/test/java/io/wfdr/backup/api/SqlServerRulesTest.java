package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.backup.sqlserver.FakeSqlServers;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.spine.contract.BackupType;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What SQL Server refuses or records reaches the operation and the catalog as SQL Server said it. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class SqlServerRulesTest {

    @Inject
    FakeSqlServers sqlServer;

    private Inventory inventory;

    @BeforeEach
    void aDatabaseWithAPolicyAndAConnection() {
        inventory = Inventory.announced().withPolicyAndConnection();
    }

    @Test
    void aLogBackupWithNoFullOnTheServerFailsWithError4214() {
        awaitFailure(inventory.backUp("LOG", null), "Msg 4214");
    }

    @Test
    void aLogBackupOfADatabaseTheServerRunsUnderSimpleFailsWithError4208() {
        Inventory.awaitStatus(inventory.backUp("FULL", null), "SUCCEEDED");
        sqlServer.recoveryModel(inventory.fullDbName, "SIMPLE");
        awaitFailure(inventory.backUp("LOG", null), "Msg 4208");
    }

    @Test
    void aDifferentialWhoseFullTheServerNeverTookFailsWithError3035() {
        io.wfdr.spine.contract.BackupSet onlyInCatalog = sqlServer.backupByAnotherTool(inventory.fullDbName,
                BackupType.FULL);
        as("operator").post("/api/catalog/import?days=1&databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("imported", equalTo(1));
        sqlServer.forget(onlyInCatalog.backupSetUuid());
        awaitFailure(inventory.backUp("DIFFERENTIAL", null), "Msg 3035");
    }

    @Test
    void theMsdbImportLooksBackOnlyAsFarAsAsked() {
        sqlServer.backupByAnotherTool(inventory.fullDbName, BackupType.FULL, Duration.ofDays(3));
        sqlServer.backupByAnotherTool(inventory.fullDbName, BackupType.FULL);
        as("operator").post("/api/catalog/import?days=1&databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("imported", equalTo(1));
        as("operator").post("/api/catalog/import?days=7&databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("imported", equalTo(1), "alreadyInCatalog", equalTo(1));
    }

    @Test
    void aSetMsdbMarksDamagedStartsNoChain() {
        var full = sqlServer.backupByAnotherTool(inventory.fullDbName, BackupType.FULL);
        sqlServer.damage(full.backupSetUuid());
        as("operator").post("/api/catalog/import?days=1&databaseId=" + inventory.fullDb).then().statusCode(200);
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then()
                .body("chains", hasSize(0), "breaks[0].reason", containsString("damaged"));
    }

    @Test
    void afterARestoreToAPointInTimeTheLogOnTheNewForkIsABreakOfTheOldChain() {
        Inventory.awaitStatus(inventory.backUp("FULL", null), "SUCCEEDED");
        Inventory.awaitStatus(inventory.backUp("LOG", null), "SUCCEEDED");
        sqlServer.newFork(inventory.fullDbName);
        Inventory.awaitStatus(inventory.backUp("LOG", null), "SUCCEEDED");
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then()
                .body("chains[0].logs", hasSize(1), "chains[0].breaks.reason", hasItem(containsString("fork")));
    }

    private static void awaitFailure(String location, String message) {
        Inventory.awaitStatus(location, "FAILED");
        as("viewer").get(location).then().body("message", containsString(message));
    }
}
