package io.wfdr.restore.harness;

import static io.restassured.RestAssured.given;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.LocalKafkaBroker;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;

/**
 * bench/runbook-overhead: the whole database-recovery runbook, run by restore-service as its own process, against
 * adapters that answer at once — the simulated DR SQL Server, a modelled Windows behind a real SSH server on
 * loopback, and this program answering the take-over command for the inventory. The engine's overhead is the
 * runbook's time from request to end less the time spent inside the adapters (which the harness counts) and the
 * stand-in inventory's own time to answer (from the command's record to its answer sent); WARMUP runbooks first, then RUNS measured, each in its own environment. Last line:
 * {@code runbook-overhead overhead_s=… steps=… median_step_ms=… adapter_s=… total_s=…} (medians over the runs).
 */
public final class RunbookOverheadBench {

    private RunbookOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("warmup", 2);
        int runs = Integer.getInteger("runs", 5);
        Map<String, String> keys = new TestSigningKeys().start();
        keys.forEach(System::setProperty);
        LocalKafkaBroker broker = KafkaBrokerTestResource.broker().start();
        TestTopics topics = new TestTopics(broker.bootstrapServers());
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        web.start();
        Path work = Files.createTempDirectory("wfdr-bench-runbook");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Path state = Files.createDirectories(work.resolve("state"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + work.resolve("db").resolve("restore-service")
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;DEFAULT_LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("wfdr.local-dir", work.toString());
        settings.put("wfdr.harness.state-dir", state.toString());
        settings.put("wfdr.secrets.file-folders", secrets.toString());
        settings.put("mp.jwt.verify.publickey.location", keys.get("mp.jwt.verify.publickey.location"));
        settings.put("mp.jwt.verify.issuer", keys.get("mp.jwt.verify.issuer"));
        settings.put("mp.messaging.incoming.backup-events.group.id", "bench-" + UUID.randomUUID());
        settings.put("mp.messaging.incoming.inventory-events.group.id", "bench-" + UUID.randomUUID());
        String webUrl = "http://127.0.0.1:" + web.getAddress().getPort() + "/TIBCO/iProcessClient/";
        List<Double> overheads = new ArrayList<>();
        List<Double> adapters = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<Long> stepMillis = new ArrayList<>();
        Map<String, List<Long>> byStep = new LinkedHashMap<>();
        int steps = 0;
        try (Harness harness = new Harness("bench", LocalKafkaBroker.freePort(), settings, work.resolve("bench.log"))) {
            harness.start();
            for (int i = 0; i < warmup + runs; i++) {
                DrEnvironment environment = new DrEnvironment("R" + i, topics, secrets, state, work, webUrl);
                environment.writeDrSqlServer();
                environment.announce();
                awaitKnown(harness, environment);
                long adapterBefore = adapterNanos(state);
                String id = as("operator", harness).body(environment.request()).post("/api/restores").then()
                        .statusCode(202).extract().path("id");
                double inventory = environment.answerTakeOver().toNanos() / 1e9;
                JsonPath runbook = awaitEnded(harness, id);
                if (!"COMPLETED".equals(runbook.getString("status"))) {
                    throw new IllegalStateException("runbook " + id + " ended " + runbook.prettify());
                }
                double total = seconds(runbook.getString("createdAt"), runbook.getString("endedAt"));
                double adapter = (adapterNanos(state) - adapterBefore) / 1e9 + inventory;
                steps = runbook.getList("steps").size();
                if (i >= warmup) {
                    totals.add(total);
                    adapters.add(adapter);
                    overheads.add(total - adapter);
                    for (int s = 0; s < steps; s++) {
                        long ms = Math.round(1000 * seconds(runbook.getString("steps[" + s + "].startedAt"),
                                runbook.getString("steps[" + s + "].endedAt")));
                        stepMillis.add(ms);
                        byStep.computeIfAbsent(runbook.getString("steps[" + s + "].name"), n -> new ArrayList<>())
                                .add(ms);
                    }
                }
                System.out.printf("run %d%s: total_s=%.3f adapter_s=%.3f overhead_s=%.3f%n", i,
                        i < warmup ? " (warm-up)" : "", total, adapter, total - adapter);
                environment.close();
            }
        } finally {
            web.stop(0);
            broker.close();
        }
        byStep.forEach((name, ms) -> System.out.printf("step %s median_ms=%d%n", name, median(ms)));
        System.out.printf("runbook-overhead overhead_s=%.3f steps=%d median_step_ms=%d adapter_s=%.3f total_s=%.3f%n",
                median(overheads), steps, median(stepMillis), median(adapters), median(totals));
        System.exit(0);
    }

    private static void awaitKnown(Harness harness, DrEnvironment environment) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (as("viewer", harness).get("/api/databases/" + environment.databaseId + "/reachable").statusCode() != 200
                || !DrEnvironment.NOON.toString().equals(as("viewer", harness).get("/api/databases/"
                        + environment.databaseId + "/reachable").jsonPath().getString("latest"))) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the restore service never learnt " + environment.databaseName);
            }
            Thread.sleep(50);
        }
    }

    private static JsonPath awaitEnded(Harness harness, String id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(300);
        while (true) {
            JsonPath runbook = as("viewer", harness).get("/api/restores/" + id).jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(runbook.getString("status"))) {
                return runbook;
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("runbook " + id + " did not end: " + runbook.prettify());
            }
            Thread.sleep(50);
        }
    }

    private static long adapterNanos(Path state) throws java.io.IOException {
        Path file = state.resolve("adapter-nanos");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
    }

    private static double seconds(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toNanos() / 1e9;
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static RequestSpecification as(String role, Harness harness) {
        return given().port(harness.port()).header("Authorization", "Bearer " + BearerTokens.forRole(role))
                .contentType("application/json");
    }
}
