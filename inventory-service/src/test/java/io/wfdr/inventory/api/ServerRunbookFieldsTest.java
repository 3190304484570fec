package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static io.wfdr.inventory.api.InventoryApi.server;
import static io.wfdr.inventory.api.InventoryApi.uniqueName;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a runbook needs to drive a server: the Windows services it stops and starts, how it reaches the server's
 * OpenSSH (a secret reference, never a password; a pinned host key) and the URL a Workflow Web Server answers on.
 */
@QuarkusTest
class ServerRunbookFieldsTest extends InventoryTest {

    static final String FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

    private String site;

    @BeforeEach
    void inventory() {
        site = InventoryApi.site(InventoryApi.environment(), "DR");
    }

    @Test
    void theServicesTheRemoteShellAndTheWorkflowUrlRoundTripThroughPostPutAndGet() {
        String name = uniqueName("WF");
        Map<String, Object> body = drivable(name, "WORKFLOW_IPROCESS_ENGINE", "WORKFLOW_WEB_SERVER");
        String id = as("operator").body(body).post("/api/servers").then().statusCode(201)
                .body("windowsServices", contains("iProcess Engine " + name, "iProcess, Process Sentinels"),
                        "remoteShell.port", equalTo(2222), "remoteShell.user", equalTo("ATLANTA\\svc-wfdr"),
                        "remoteShell.secretRef", equalTo("k8s:wfdr-hosts/svc-wfdr"),
                        "remoteShell.hostKeyFingerprint", equalTo(FINGERPRINT),
                        "workflowUrl", equalTo("https://wfdr01.atlanta.example.com/Workflow"))
                .extract().path("id");

        body.put("windowsServices", List.of("iProcess Process Sentinels"));
        body.put("remoteShell", Map.of("user", "svc-wfdr@atlanta.example.com", "secretRef", "env:WFDR_SECRET_SSH",
                "hostKeyFingerprint", FINGERPRINT));
        body.put("workflowUrl", "http://wfdr01:8080/Workflow");
        as("operator").body(body).put("/api/servers/" + id).then().statusCode(200);
        as("viewer").get("/api/servers/" + id).then().statusCode(200)
                .body("windowsServices", contains("iProcess Process Sentinels"),
                        "remoteShell.port", equalTo(22), "remoteShell.user", equalTo("svc-wfdr@atlanta.example.com"),
                        "remoteShell.secretRef", equalTo("env:WFDR_SECRET_SSH"),
                        "workflowUrl", equalTo("http://wfdr01:8080/Workflow"));

        Map<String, Object> without = server(name, site, null, "WORKFLOW_IPROCESS_ENGINE", "WORKFLOW_WEB_SERVER");
        as("operator").body(without).put("/api/servers/" + id).then().statusCode(200);
        as("viewer").get("/api/servers/" + id).then()
                .body("windowsServices", empty(), "remoteShell", nullValue(), "workflowUrl", nullValue());
    }

    @Test
    void aPasswordWhereTheRemoteShellsSecretReferenceBelongsIsRefusedAndNotEchoed() {
        Map<String, Object> body = drivable(uniqueName("PW"), "WORKFLOW_IPROCESS_ENGINE");
        body.put("remoteShell", shell("svc-wfdr", "Sup3rSecret!", FINGERPRINT));
        String refused = as("operator").body(body).post("/api/servers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("remoteShell.secretRef")).extract().asString();
        assertFalse(refused.contains("Sup3rSecret"), refused);

        Map<String, Object> withPassword = shell("svc-wfdr", "env:WFDR_SECRET_SSH", FINGERPRINT);
        withPassword.put("password", "Sup3rSecret!");
        body.put("remoteShell", withPassword);
        refused = as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors.field", contains("remoteShell.password")).extract().asString();
        assertFalse(refused.contains("Sup3rSecret"), refused);
        assertNotRegistered(body);
    }

    @Test
    void aMalformedHostKeyFingerprintIsRefused() {
        String digest = FINGERPRINT.substring("SHA256:".length());
        for (String fingerprint : List.of(digest, FINGERPRINT + "=", FINGERPRINT.substring(0, FINGERPRINT.length() - 1),
                FINGERPRINT.replaceFirst("s$", "t"), "sha256:" + digest, "SHA256:" + digest.replace('u', '-'),
                "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")) {
            Map<String, Object> body = drivable(uniqueName("FP"), "WORKFLOW_IPROCESS_ENGINE");
            body.put("remoteShell", shell("svc-wfdr", "env:WFDR_SECRET_SSH", fingerprint));
            as("operator").body(body).post("/api/servers").then().statusCode(400)
                    .body("errors.field", contains("remoteShell.hostKeyFingerprint"),
                            "errors[0].message", containsString("SHA256:"));
            assertNotRegistered(body);
        }
    }

    @Test
    void aRemoteShellNeedsItsAccountAndAPortSshCanUse() {
        Map<String, Object> body = drivable(uniqueName("SH"), "WORKFLOW_IPROCESS_ENGINE");
        Map<String, Object> shell = shell("svc wfdr; Stop-Computer", "env:WFDR_SECRET_SSH", FINGERPRINT);
        shell.put("port", 70_000);
        body.put("remoteShell", shell);
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("remoteShell.user", "remoteShell.port"));
        assertNotRegistered(body);
    }

    @Test
    void aServiceNamedTwiceIgnoringCaseIsRefused() {
        Map<String, Object> body = drivable(uniqueName("DUP"), "WORKFLOW_IPROCESS_ENGINE");
        body.put("windowsServices", List.of("iProcessSentinels", "W3SVC", "IPROCESSSENTINELS"));
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors.field", contains("windowsServices[2]"),
                        "errors[0].message", containsString("windowsServices[0]"));
        assertNotRegistered(body);
    }

    @Test
    void aServiceNameWindowsWouldRefuseAndMoreThanFiftyServicesAreRefused() {
        Map<String, Object> body = drivable(uniqueName("SVC"), "WORKFLOW_IPROCESS_ENGINE");
        body.put("windowsServices", List.of("iProcess\nEngine", "a/b", "", "x".repeat(257), "W3SVC"));
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("windowsServices[0]",
                        "windowsServices[1]", "windowsServices[2]", "windowsServices[3]"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("Service" + i);
        }
        body.put("windowsServices", many);
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors.field", contains("windowsServices"));
        assertNotRegistered(body);
        body.put("windowsServices", many.subList(0, 50));
        as("operator").body(body).post("/api/servers").then().statusCode(201)
                .body("windowsServices.size()", equalTo(50));
    }

    @Test
    void aWorkflowUrlOnADatabaseServerIsRefused() {
        Map<String, Object> body = server(uniqueName("SQL"), site, null, "DATABASE_SERVER");
        body.put("workflowUrl", "https://sqldr01.atlanta.example.com/Workflow");
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors.field", contains("workflowUrl"),
                        "errors[0].message", containsString("Workflow Web Server"));
        assertNotRegistered(body);
    }

    @Test
    void aWorkflowUrlMustBeAnAbsoluteHttpUrlWithoutCredentials() {
        for (String url : List.of("wfdr01/Workflow", "ftp://wfdr01/Workflow", "https:///Workflow",
                "https://admin:Sup3rSecret@wfdr01/Workflow", "https://wfdr01/Work flow",
                "https://wfdr01/" + "w".repeat(500))) {
            Map<String, Object> body = drivable(uniqueName("URL"), "WORKFLOW_WEB_SERVER");
            body.put("workflowUrl", url);
            String refused = as("operator").body(body).post("/api/servers").then().statusCode(400)
                    .body("errors.field", contains("workflowUrl")).extract().asString();
            assertFalse(refused.contains("Sup3rSecret"), refused);
            assertNotRegistered(body);
        }
    }

    @Test
    void aServerWithoutThemHasNoServicesNoRemoteShellAndNoWorkflowUrl() {
        String id = InventoryApi.create("/api/servers", server(uniqueName("TF"), site, null, "TRANSFLO_SERVER"));
        String view = as("viewer").get("/api/servers/" + id).then()
                .body("windowsServices", empty(), "workflowUrl", nullValue()).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(view.contains("\"workflowUrl\":null"), view);
        assertFalse(view.contains("remoteShell"), "a remote shell not recorded is left out: " + view);
    }

    /** A server wfdr can drive: its iProcess services, its OpenSSH and, for a Web Server, its URL. */
    private Map<String, Object> drivable(String name, String... roles) {
        Map<String, Object> body = server(name, site, null, roles);
        body.put("windowsServices", List.of("iProcess Engine " + name, "iProcess, Process Sentinels"));
        Map<String, Object> shell = shell("ATLANTA\\svc-wfdr", "k8s:wfdr-hosts/svc-wfdr", FINGERPRINT);
        shell.put("port", 2222);
        body.put("remoteShell", shell);
        if (List.of(roles).contains("WORKFLOW_WEB_SERVER")) {
            body.put("workflowUrl", "https://wfdr01.atlanta.example.com/Workflow");
        }
        return body;
    }

    static Map<String, Object> shell(String user, String secretRef, String fingerprint) {
        return new HashMap<>(Map.of("user", user, "secretRef", secretRef, "hostKeyFingerprint", fingerprint));
    }

    private static void assertNotRegistered(Map<String, Object> body) {
        as("viewer").queryParam("name", body.get("name")).get("/api/servers").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
