package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.as;
import static io.wfdr.restore.api.Publish.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.restore.windows.WindowsTestHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole recovery by itself: the DR iProcess Engine server has a remote shell (a real SSH server with a modelled
 * Windows behind it: two iProcess services, the 32-bit TFLOWF DSN still pointing at production) and the DR site's
 * Workflow Web Server a URL, so every step runs and the runbook ends COMPLETED only after every check passed.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class AutomatedRecoveryTest extends RecoveryTestBase {

    private WindowsTestHost windows;
    private HttpServer web;

    @Override
    protected String drEngineName() {
        return "localhost";
    }

    @Override
    protected Map<String, Object> drEngineServer(Map<String, Object> view) throws Exception {
        Files.writeString(SECRETS.resolve("windows"), "Windows-Pa55word");
        windows = WindowsTestHost.start(Files.createTempDirectory("wfdr-ssh"), "Windows-Pa55word");
        windows.service("iProcessEngine", "Running").service("iProcessSentinels", "Running")
                .dsn("32-bit", "TFLOWF", "SQLPROD01", name, "tfwfowner")
                .reachable(drName, "tfwfowner", "Owner-Pa55word");
        view.put("windowsServices", List.of("iProcessEngine", "iProcessSentinels"));
        view.put("remoteShell", PlayedInventory.remoteShell(windows.port(), WindowsTestHost.USER, secret("windows"),
                windows.fingerprint()));
        return view;
    }

    @Override
    protected void moreInventory() throws Exception {
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        web.start();
        String webServer = id();
        Map<String, Object> view = new HashMap<>(played.server(webServer, "WEBDR01", drSite, null,
                List.of("WORKFLOW_WEB_SERVER")));
        view.put("workflowUrl", "http://127.0.0.1:" + web.getAddress().getPort() + "/workflow/");
        played.announce("server.registered", view);
    }

    @AfterEach
    void stopTheMachines() throws Exception {
        windows.close();
        web.stop(0);
    }

    @Test
    void everyStepRunsByItselfAndTheRunbookCompletesOnlyVerified() throws Exception {
        String id = as("operator").body(request()).post("/api/restores").then().statusCode(202)
                .body("steps[5].manual", equalTo(false)).extract().path("id");

        answerTakeOver();
        awaitStatus(id, "COMPLETED");
        assertEquals(List.of(drName, name + "_DR", "tfwfowner"), windows.dsnSettings("32-bit", "TFLOWF"));
        assertEquals("Running", windows.serviceStatus("iProcessEngine"));
        assertTrue(windows.scripts().stream().filter(s -> s.contains("wfdr:point-dsn"))
                .allMatch(s -> s.contains("SysWOW64")), "the 32-bit DSN is changed by 32-bit PowerShell");
        assertTrue(windows.scripts().stream().noneMatch(s -> s.contains("Owner-Pa55word")),
                "the DSN password is never in a script");
        assertTrue(windows.stdins().stream().anyMatch(in -> in != null && in.contains("Owner-Pa55word")),
                "it reaches the DSN test on standard input");
        as("viewer").get("/api/restores/" + id).then().body("percent", equalTo(100),
                "steps.status", everyItem(equalTo("DONE")), "steps[9].outcome", containsString("answered 200"),
                "steps[10].outcome", containsString(name + "_DR on " + drName + " is the environment's Workflow"));
        theRunbooksEventsTellEveryStepInTheirDocumentedShape(id);
    }

    /** Each step's start and end and each status change is on wfdr.restore.events, as AsyncAPI documents it. */
    private static void theRunbooksEventsTellEveryStepInTheirDocumentedShape(String id) {
        AsyncApiSchemas schemas = AsyncApiSchemas.ofThisCheckout();
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events = TestTopics.ofTestBroker()
                .readAll("wfdr.restore.events", Duration.ofSeconds(5)).stream().filter(r -> id.equals(r.key()))
                .toList();
        List<String> types = events.stream().map(r -> TestTopics.header(r, "ce_type")).toList();
        for (var event : events) {
            String type = TestTopics.header(event, "ce_type");
            assertEquals(List.of(), schemas.problems(type, event.value()), type);
        }
        assertEquals(1, types.stream().filter("wfdr.restore.runbook.requested.v1"::equals).count());
        assertEquals(11, types.stream().filter("wfdr.restore.runbook.step-started.v1"::equals).count());
        assertEquals(11, types.stream().filter("wfdr.restore.runbook.step-ended.v1"::equals).count());
        assertTrue(events.get(events.size() - 1).value().contains("\"to\":\"COMPLETED\""),
                "the last event says COMPLETED: " + events.get(events.size() - 1).value());
        assertTrue(events.stream().noneMatch(e -> e.value().contains("Owner-Pa55word")), "no password in an event");
    }
}
