package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnvironmentImportTest extends InventoryTest {

    @Test
    void aWholeEnvironmentIsImportedInOneDocument() {
        Map<String, Object> document = document(InventoryApi.uniqueName("IMP"), 20);
        String id = as("operator").body(document).post("/api/environments/import")
                .then().statusCode(201)
                .body("sites", equalTo(2), "hosts", equalTo(2), "servers", equalTo(43), "pairs", equalTo(21),
                        "databases", equalTo(1), "logins", equalTo(2), "dsns", equalTo(1), "deployments", equalTo(1))
                .extract().path("environment.id");
        as("viewer").queryParam("environmentId", id).get("/api/servers").then().body("total", equalTo(43));
        as("viewer").queryParam("environmentId", id).queryParam("drifted", true).get("/api/pairs").then()
                .body("total", equalTo(1));
        as("viewer").get("/api/environments/" + id + "/compliance").then().body("servers.RECOMMENDED", equalTo(43));
    }

    @Test
    void oneBadEntryDeepInsideStoresNothingAndEveryProblemIsListed() {
        String prefix = InventoryApi.uniqueName("BAD");
        Map<String, Object> document = document(prefix, 40);
        List<Map<String, Object>> servers = entries(document, "servers");
        servers.get(37).put("host", "no-such-host");
        servers.get(23).put("name", "NOT A VALID NAME");
        ((Map<String, Object>) servers.get(30).get("hardware")).put("memoryGb", -4);
        entries(document, "logins").get(1).remove("secretRef");
        entries(document, "dsns").get(0).put("targetServer", servers.get(0).get("name"));

        as("operator").body(document).post("/api/environments/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nothing was stored"),
                        "errors.field", hasItems("servers[37].host", "servers[23].name",
                                "servers[30].hardware.memoryGb", "logins[1].secretRef", "dsns[0].targetServer"));

        as("viewer").get("/api/environments?size=500").then()
                .body("items.findAll { it.name == '" + document.get("name") + "' }.size()", equalTo(0));
        as("viewer").queryParam("name", servers.get(0).get("name")).get("/api/servers").then()
                .body("total", equalTo(0));
    }

    @Test
    void theSameDeploymentTwiceInOneDocumentIsRefusedAndNothingIsStored() {
        Map<String, Object> document = document(InventoryApi.uniqueName("DUP"), 1);
        Map<String, Object> deployment = entries(document, "deployments").get(0);
        Map<String, Object> again = new HashMap<>(deployment);
        again.put("server", ((String) deployment.get("server")).toLowerCase());
        again.put("version", "3.3");
        document.put("deployments", List.of(deployment, again));

        as("operator").body(document).post("/api/environments/import").then().statusCode(400)
                .body("errors.field", hasItems("deployments[1].name"));
        as("viewer").get("/api/environments?size=500").then()
                .body("items.findAll { it.name == '" + document.get("name") + "' }.size()", equalTo(0));
    }

    @Test
    void anEntryReferringToAnotherPartByAWrongNameIsReported() {
        Map<String, Object> document = document(InventoryApi.uniqueName("REF"), 1);
        entries(document, "pairs").get(0).put("dr", "NOSUCHSERVER");
        as("operator").body(document).post("/api/environments/import").then().statusCode(400)
                .body("errors.find { it.field == 'pairs[0].dr' }.message", containsString("NOSUCHSERVER"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneMistakeIsOneErrorInTheDocumentsWordsNotACascade() {
        Map<String, Object> document = document(InventoryApi.uniqueName("ONE"), 1);
        List<Map<String, Object>> servers = new ArrayList<>(entries(document, "servers"));
        ((Map<String, Object>) servers.get(2).get("hardware")).put("memoryGb", -4);
        ((Map<String, Object>) servers.get(4).get("hardware")).put("memoryGb", -4);
        entries(document, "hosts").get(0).remove("kind");
        servers.add(null);
        document.put("servers", servers);

        as("operator").body(document).post("/api/environments/import").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("servers[2].hardware.memoryGb",
                        "servers[4].hardware.memoryGb", "hosts[0].kind", "servers[5]"));

        ((Map<String, Object>) entries(document, "servers").get(0).get("hardware")).put("clockGhz", "fast");
        as("operator").body(document).post("/api/environments/import").then().statusCode(400)
                .body("errors[0].field", equalTo("servers[0].hardware.clockGhz"),
                        "errors[0].message", equalTo("value 'fast' is not a number"),
                        "detail", org.hamcrest.Matchers.not(containsString("BigDecimal")));
    }

    @Test
    void aServersServicesRemoteShellAndWorkflowUrlAreImportedAsSent() {
        String prefix = InventoryApi.uniqueName("RUN");
        String tag = prefix.substring(prefix.length() - 6);
        Map<String, Object> document = document(prefix, 1);
        List<Map<String, Object>> servers = new ArrayList<>(entries(document, "servers"));
        Map<String, Object> engine = servers.stream().filter(s -> s.get("name").equals("W" + tag + "D")).findFirst()
                .orElseThrow();
        engine.put("windowsServices", List.of("iProcess Engine", "iProcess Process Sentinels"));
        engine.put("remoteShell", ServerRunbookFieldsTest.shell("ATLANTA\\svc-wfdr", "file:/run/secrets/svc-wfdr",
                ServerRunbookFieldsTest.FINGERPRINT));
        Map<String, Object> web = server("V" + tag, "Atlanta", "esx-d-" + tag, "WORKFLOW_WEB_SERVER");
        web.put("workflowUrl", "https://v" + tag.toLowerCase() + ".atlanta.example.com/Workflow");
        servers.add(web);
        document.put("servers", servers);

        as("operator").body(document).post("/api/environments/import").then().statusCode(201);
        as("viewer").queryParam("name", "W" + tag + "D").get("/api/servers").then()
                .body("items[0].windowsServices", org.hamcrest.Matchers.contains("iProcess Engine",
                                "iProcess Process Sentinels"),
                        "items[0].remoteShell.port", equalTo(22),
                        "items[0].remoteShell.user", equalTo("ATLANTA\\svc-wfdr"),
                        "items[0].remoteShell.secretRef", equalTo("file:/run/secrets/svc-wfdr"),
                        "items[0].remoteShell.hostKeyFingerprint", equalTo(ServerRunbookFieldsTest.FINGERPRINT),
                        "items[0].workflowUrl", org.hamcrest.Matchers.nullValue());
        as("viewer").queryParam("name", "V" + tag).get("/api/servers").then()
                .body("items[0].workflowUrl", equalTo(web.get("workflowUrl")), "items[0].windowsServices",
                        org.hamcrest.Matchers.empty());
    }

    @Test
    void theServersRunbookRulesHoldInTheImportWithPathsInTheDocumentsWords() {
        Map<String, Object> document = document(InventoryApi.uniqueName("RUL"), 2);
        List<Map<String, Object>> servers = entries(document, "servers");
        servers.get(0).put("windowsServices", List.of("iProcessSentinels", "IPROCESSSENTINELS"));
        servers.get(1).put("windowsServices", List.of("iProcess\tEngine"));
        servers.get(2).put("remoteShell", ServerRunbookFieldsTest.shell("svc-wfdr", "Sup3rSecret!",
                ServerRunbookFieldsTest.FINGERPRINT));
        servers.get(3).put("remoteShell", ServerRunbookFieldsTest.shell("svc-wfdr", "env:WFDR_SECRET_SSH",
                "SHA256:not-a-fingerprint"));
        servers.get(servers.size() - 1).put("workflowUrl", "https://sql.example.com/Workflow");

        String refused = as("operator").body(document).post("/api/environments/import").then().statusCode(400)
                .body("detail", containsString("nothing was stored"),
                        "errors.field", org.hamcrest.Matchers.containsInAnyOrder("servers[0].windowsServices[1]",
                                "servers[1].windowsServices[0]", "servers[2].remoteShell.secretRef",
                                "servers[3].remoteShell.hostKeyFingerprint",
                                "servers[" + (servers.size() - 1) + "].workflowUrl"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(refused.contains("Sup3rSecret"), refused);
        as("viewer").get("/api/environments?size=500").then()
                .body("items.findAll { it.name == '" + document.get("name") + "' }.size()", equalTo(0));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> document, String key) {
        return (List<Map<String, Object>>) document.get(key);
    }

    @Test
    void anImportedDatabaseIsActiveUnlessItSaysOtherwiseAndNamesTheDatabaseItTookOverFrom() {
        Map<String, Object> document = document(InventoryApi.uniqueName("TKO"), 1);
        document.put("databases", new ArrayList<>(entries(document, "databases")));
        String sql = (String) entries(document, "databases").get(0).get("server");
        entries(document, "databases").get(0).put("active", false);
        Map<String, Object> drSql = new HashMap<>(entries(document, "servers").stream()
                .filter(s -> sql.equals(s.get("name"))).findFirst().orElseThrow());
        drSql.put("name", sql + "D");
        drSql.put("site", "Atlanta");
        entries(document, "servers").add(drSql);
        Map<String, Object> restored = new HashMap<>(Map.of("name", "TFLOWF_DR", "kind", "WORKFLOW",
                "server", sql + "D", "recoveryModel", "FULL", "rpoMinutes", 15, "rtoMinutes", 240,
                "takesOverFrom", Map.of("server", sql, "name", "TFLOWF")));
        entries(document, "databases").add(restored);

        String environment = as("operator").body(document).post("/api/environments/import").then().statusCode(201)
                .body("databases", equalTo(2)).extract().path("environment.id");
        String production = as("viewer").queryParam("environmentId", environment).get("/api/databases").then()
                .body("items.find { it.name == 'TFLOWF' }.active", equalTo(false),
                        "items.find { it.name == 'TFLOWF_DR' }.active", equalTo(true))
                .extract().path("items.find { it.name == 'TFLOWF' }.id");
        as("viewer").queryParam("environmentId", environment).get("/api/databases").then()
                .body("items.find { it.name == 'TFLOWF_DR' }.takesOverFrom", equalTo(production),
                        "items.find { it.name == 'TFLOWF' }.takesOverFrom", equalTo(null));
    }

    @Test
    void anImportedDatabaseCannotTakeOverFromOneThatIsStillActiveOrMissing() {
        Map<String, Object> document = document(InventoryApi.uniqueName("TKA"), 1);
        document.put("databases", new ArrayList<>(entries(document, "databases")));
        String sql = (String) entries(document, "databases").get(0).get("server");
        entries(document, "databases").add(new HashMap<>(Map.of("name", "TFLOWF_DR", "kind", "WORKFLOW",
                "server", sql, "recoveryModel", "FULL", "rpoMinutes", 15, "rtoMinutes", 240,
                "takesOverFrom", Map.of("server", sql, "name", "TFLOWF"))));
        entries(document, "databases").add(new HashMap<>(Map.of("name", "TFLOWF_DR2", "kind", "WORKFLOW",
                "server", sql, "recoveryModel", "FULL", "rpoMinutes", 15, "rtoMinutes", 240,
                "takesOverFrom", Map.of("server", sql, "name", "NOSUCHDB"))));

        as("operator").body(document).post("/api/environments/import").then().statusCode(400)
                .body("errors.find { it.field == 'databases[1].takesOverFrom' }.message", containsString("is active"),
                        "errors.find { it.field == 'databases[2].takesOverFrom' }.message",
                        containsString("no database named NOSUCHDB"));
    }

    /** An environment with {@code pairsOfTransflo} TRANSFLO server pairs, a Workflow pair and its database. */
    static Map<String, Object> document(String prefix, int pairsOfTransflo) {
        String tag = prefix.substring(prefix.length() - 6);
        Map<String, Object> doc = new HashMap<>();
        doc.put("name", "Workflow " + prefix);
        doc.put("sites", List.of(
                new HashMap<>(Map.of("name", "Lakeland", "role", "PRODUCTION", "location", "Lakeland, FL, US")),
                new HashMap<>(Map.of("name", "Atlanta", "role", "DR", "location", "Atlanta, GA, US"))));
        doc.put("hosts", List.of(
                new HashMap<>(Map.of("name", "esx-p-" + tag, "kind", "VM_HOST", "hypervisor", "VMWARE_ESXI",
                        "site", "Lakeland")),
                new HashMap<>(Map.of("name", "esx-d-" + tag, "kind", "VM_HOST", "hypervisor", "VMWARE_ESXI",
                        "site", "Atlanta"))));
        List<Map<String, Object>> servers = new ArrayList<>();
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < pairsOfTransflo; i++) {
            String p = "P" + tag + i;
            String d = "D" + tag + i;
            servers.add(server(p, "Lakeland", "esx-p-" + tag, "TRANSFLO_SERVER"));
            servers.add(server(d, "Atlanta", "esx-d-" + tag, "TRANSFLO_SERVER"));
            pairs.add(new HashMap<>(Map.of("production", p, "dr", d)));
        }
        servers.add(server("W" + tag + "P", "Lakeland", "esx-p-" + tag, "WORKFLOW_IPROCESS_ENGINE"));
        servers.add(server("W" + tag + "D", "Atlanta", "esx-d-" + tag, "WORKFLOW_IPROCESS_ENGINE"));
        pairs.add(new HashMap<>(Map.of("production", "W" + tag + "P", "dr", "W" + tag + "D")));
        Map<String, Object> sql = server("Q" + tag, "Lakeland", null, "DATABASE_SERVER");
        sql.put("sqlServer", Map.of("version", "SQL Server 2019", "servicePack", ""));
        servers.add(sql);
        doc.put("servers", servers);
        doc.put("pairs", pairs);
        doc.put("databases", List.of(new HashMap<>(Map.of("name", "TFLOWF", "kind", "WORKFLOW", "server", "Q" + tag,
                "recoveryModel", "FULL", "rpoMinutes", 15, "rtoMinutes", 240))));
        doc.put("logins", List.of(
                new HashMap<>(Map.of("name", "tfwfowner", "server", "Q" + tag, "secretRef", "env:TFWFOWNER_PASSWORD")),
                new HashMap<>(Map.of("name", "tfwfuser", "server", "Q" + tag, "secretRef", "env:TFWFUSER_PASSWORD"))));
        doc.put("dsns", List.of(new HashMap<>(Map.of("name", "TFLOWF", "server", "W" + tag + "P", "bitness", 32,
                "targetServer", "Q" + tag, "defaultDatabase", "TFLOWF", "login", "tfwfowner"))));
        doc.put("deployments", List.of(new HashMap<>(Map.of("server", "W" + tag + "P", "kind", "PROCESS",
                "name", "Invoice approval", "version", "3.2"))));
        return doc;
    }

    private static Map<String, Object> server(String name, String site, String host, String role) {
        Map<String, Object> server = new HashMap<>();
        server.put("name", name);
        server.put("site", site);
        server.put("roles", List.of(role));
        server.put("machineType", host == null ? "PHYSICAL_MACHINE" : "VIRTUAL_MACHINE");
        if (host != null) {
            server.put("host", host);
        }
        server.put("hardware", new HashMap<>(Map.of("cpuSockets", 2, "coresPerSocket", 2, "clockGhz", 3.2,
                "memoryGb", 16, "diskGb", 200, "fileSystem", "NTFS")));
        server.put("operatingSystem", Map.of("name", "Windows Server 2019", "servicePack", "R2"));
        server.put("software", Map.of("transfloVersion", "9.4", "workflowVersion", "11.4.1"));
        return server;
    }
}
