package io.wfdr.restore.harness;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.LocalKafkaBroker;
import io.wfdr.localstack.OpenApiWire;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.restore.sqlserver.SimulatedSqlServer;
import io.wfdr.restore.windows.FakeWindows;
import io.wfdr.restore.windows.WindowsScripts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 11 §4, the proof: the database-recovery runbook in real, separately started restore-service processes (the
 * packaged restore-harness), killed with SIGKILL at every boundary of its actions and started again, completes —
 * and the DR SQL Server's own record (the simulated server's disks) shows no RESTORE, RECOVERY or CREATE LOGIN run
 * twice; two instances on one database run each runbook once, the survivor taking over from the killed one after
 * its lease. What is real: the processes, the H2 database (owned by this JVM in AUTO_SERVER mode, so, like
 * production's SQL Server, it outlives the service), the Kafka broker, SSH to the Windows server, HTTP to the
 * Workflow Web Server; simulated at their boundaries: the DR SQL Server (inside the harness, its state on disk) and
 * Windows behind the SSH server (here, outside the killed process).
 */
class RunbookCrashTest {

    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);
    private static Map<String, String> keys;
    private static LocalKafkaBroker broker;
    private static TestTopics topics;
    private static HttpServer web;
    private static String webUrl;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private Path secrets;
    private Path state;
    private Connection database;
    private final List<Harness> harnesses = new ArrayList<>();
    private final List<DrEnvironment> environments = new ArrayList<>();

    @BeforeAll
    static void theWorldAroundTheService() throws IOException {
        keys = new TestSigningKeys().start();
        keys.forEach(System::setProperty);
        broker = KafkaBrokerTestResource.broker().start();
        topics = new TestTopics(broker.bootstrapServers());
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        web.start();
        webUrl = "http://127.0.0.1:" + web.getAddress().getPort() + "/TIBCO/iProcessClient/";
        new OpenApiWire().beforeEach(null);
    }

    @AfterAll
    static void stopTheWebServer() {
        web.stop(0);
    }

    @BeforeEach
    void theServicesDatabaseAndFolders() throws Exception {
        secrets = Files.createDirectories(work.resolve("secrets"));
        state = Files.createDirectories(work.resolve("state"));
        // this JVM opens the database first, so it serves it (AUTO_SERVER) to every harness process and the data
        // outlives their deaths as production's SQL Server outlives restore-service's
        database = DriverManager.getConnection(databaseUrl(), "wfdr", "");
    }

    @AfterEach
    void stopEverything(TestInfo test) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "crash-logs", test.getTestMethod().orElseThrow()
                .getName()));
        for (Harness harness : harnesses) {
            harness.close();
            if (Files.exists(harness.log())) {
                Files.copy(harness.log(), logs.resolve(harness.log().getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (DrEnvironment environment : environments) {
            environment.close();
        }
        database.close();
    }

    @Test
    void killedAtEveryBoundaryOfItsActionsTheRunbookResumesAndCompletesWithoutRepeatingWhatCannotBeRepeated()
            throws Exception {
        Instant began = Instant.now();
        DrEnvironment environment = environment("K1");
        Harness harness = harness("harness", settings("crash"));
        RestAssured.port = harness.port();
        environment.announce();
        awaitKnown(harness, environment);

        List<Boundary> boundaries = boundaries(environment);
        boundaries.get(0).arm();
        String id = requestRecovery(harness, environment);
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < boundaries.size(); i++) {
            Boundary boundary = boundaries.get(i);
            Instant from = Instant.now();
            awaitReached(harness, id, boundary);
            harness.kill();
            boundary.disarm();
            passed.add(boundary + " (" + boundary.what() + ") after " + Duration.between(from, Instant.now())
                    .toMillis() + " ms");
            System.out.println("killed at " + passed.get(passed.size() - 1));
            if (i + 1 < boundaries.size()) {
                boundaries.get(i + 1).arm();
            }
            harness.start();
        }
        environment.answerTakeOver();
        JsonPath runbook = awaitEnded(harness, id);
        System.out.println("Killed at " + passed.size() + " boundaries:\n  " + String.join("\n  ", passed));
        System.out.println("Harness starts: " + harness.startTimes());
        System.out.println("DR SQL Server executed:\n  " + String.join("\n  ", environment.drSqlServer().executed()));
        System.out.println("Windows stopped " + environment.windows.stopped() + ", started "
                + environment.windows.started());
        System.out.println("Whole test: " + Duration.between(began, Instant.now()).toSeconds() + " s");

        assertEquals("COMPLETED", runbook.getString("status"), runbook.prettify());
        assertEveryStepDoneInOneAttempt(runbook);
        assertEachNonIdempotentActionOnce(environment);
        FakeWindows.Dsn dsn = environment.windows.dsn(WindowsScripts.PLATFORM_32, "TFLOWF");
        assertEquals(environment.drSqlName, dsn.attribute("Server"));
        assertEquals(environment.newName, dsn.attribute("Database"));
        assertEquals("Running", environment.windows.status(DrEnvironment.ENGINE_SERVICE));
        assertEquals("Running", environment.windows.status(DrEnvironment.WATCHER_SERVICE));
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachRunbookOnceAndTheSurvivorTakesOverFromTheKilledOne() throws Exception {
        Instant began = Instant.now();
        List<DrEnvironment> three = List.of(environment("A2"), environment("B2"), environment("C2"));
        Map<String, String> settings = settings("pair");
        Harness first = harness("first", settings, false);
        Harness second = harness("second", settings, false);
        CompletableFuture<Harness> secondReady = CompletableFuture.supplyAsync(second::start);
        first.start();
        secondReady.join();
        RestAssured.port = first.port();
        three.forEach(DrEnvironment::announce);
        for (DrEnvironment environment : three) {
            awaitKnown(first, environment);
        }

        DrEnvironment held = three.get(0);
        String point = held.drSqlName + ".sql-2-after";
        hold(point);
        Map<DrEnvironment, String> runbooks = new LinkedHashMap<>();
        runbooks.put(three.get(0), requestRecovery(first, three.get(0)));
        runbooks.put(three.get(1), requestRecovery(second, three.get(1)));
        runbooks.put(three.get(2), requestRecovery(first, three.get(2)));

        Path marker = state.resolve(StopPoints.MARKER + point);
        Awaitility.await("the differential of " + held.databaseName + " restored").atMost(STEP_LIMIT)
                .until(() -> Files.exists(marker));
        long pid = Long.parseLong(Files.readAllLines(marker).get(0).strip());
        Harness victim = first.pid() == pid ? first : second;
        Harness survivor = victim == first ? second : first;
        victim.kill();
        Files.delete(state.resolve(StopPoints.HOLD));
        Instant killed = Instant.now();

        Map<DrEnvironment, JsonPath> ended = new LinkedHashMap<>();
        for (DrEnvironment environment : three) {
            environment.answerTakeOver();
        }
        for (Map.Entry<DrEnvironment, String> runbook : runbooks.entrySet()) {
            ended.put(runbook.getKey(), awaitEnded(survivor, runbook.getValue()));
        }
        System.out.println("Killed " + victim.pid() + " at " + point + "; " + survivor.pid() + " finished all "
                + runbooks.size() + " runbooks " + Duration.between(killed, Instant.now()).toMillis() + " ms later");
        System.out.println("Whole test: " + Duration.between(began, Instant.now()).toSeconds() + " s");

        for (Map.Entry<DrEnvironment, JsonPath> runbook : ended.entrySet()) {
            assertEquals("COMPLETED", runbook.getValue().getString("status"), runbook.getValue().prettify());
            assertEveryStepDoneInOneAttempt(runbook.getValue());
            assertEachNonIdempotentActionOnce(runbook.getKey());
        }
        assertTrue(ended.get(held).getString("steps[2].outcome").contains("was restored before the interruption"),
                "the survivor went on from the killed instance's restore: " + ended.get(held).prettify());
        // the harness is restore-service, with its application.properties: its events name it as their source
        assertEquals("/wfdr/restore-service", TestTopics.header(topics.await("wfdr.restore.events",
                event -> runbooks.containsValue(event.key()), Duration.ofSeconds(30)).orElseThrow(), "ce_source"));
    }

    // ---- the boundaries

    /** A point in the runbook's work the test stops the process at, armed before the process gets there. */
    private interface Boundary {
        void arm() throws IOException;

        boolean reached() throws IOException;

        void disarm() throws IOException;

        /** What the process was doing there. */
        String what() throws IOException;
    }

    /**
     * Before and after every action of the ten steps, in the order the runbook takes them: each RESTORE (full,
     * differential), the RECOVERY, each CREATE LOGIN, the ALTER USER of the orphaned user; over SSH the services'
     * stop, the DSN's change, the connection test through it and the services' start; then DBCC CHECKDB of the
     * verification.
     */
    private List<Boundary> boundaries(DrEnvironment environment) {
        List<String> statements = List.of(environment.full.backupSetGuid(), environment.differential.backupSetGuid(),
                "RESTORE DATABASE [" + environment.newName + "] WITH RECOVERY", "CREATE LOGIN [tfwfowner]",
                "CREATE LOGIN [tfwfuser]", "ALTER USER [tfwfreader] WITH LOGIN = [tfwfreader]", "DBCC CHECKDB");
        List<Boundary> boundaries = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            boundaries.add(new SqlBoundary(environment.drSqlName + ".sql-" + n + "-before", statements.get(n - 1)));
            boundaries.add(new SqlBoundary(environment.drSqlName + ".sql-" + n + "-after", statements.get(n - 1)));
        }
        for (String script : List.of("stop-services", "point-dsn", "test-dsn", "start-services")) {
            for (FakeWindows.Moment moment : FakeWindows.Moment.values()) {
                boundaries.add(new WindowsBoundary(environment.windows, "# wfdr:" + script, moment));
            }
        }
        boundaries.add(new SqlBoundary(environment.drSqlName + ".sql-7-before", statements.get(6)));
        boundaries.add(new SqlBoundary(environment.drSqlName + ".sql-7-after", statements.get(6)));
        return boundaries;
    }

    /** A stop point of the harness's DR SQL Server, named in its {@code hold} file. */
    private final class SqlBoundary implements Boundary {
        private final String point;
        private final String statement;

        SqlBoundary(String point, String statement) {
            this.point = point;
            this.statement = statement;
        }

        @Override
        public void arm() throws IOException {
            Files.deleteIfExists(marker());
            hold(point);
        }

        @Override
        public boolean reached() {
            return Files.exists(marker());
        }

        @Override
        public void disarm() throws IOException {
            String what = what();
            assertTrue(what.contains(statement), point + " should be at the statement with " + statement + ": " + what);
            Files.delete(state.resolve(StopPoints.HOLD));
        }

        @Override
        public String what() throws IOException {
            return Files.readAllLines(marker()).get(1);
        }

        private Path marker() {
            return state.resolve(StopPoints.MARKER + point);
        }

        @Override
        public String toString() {
            return point;
        }
    }

    /** A script held by the Windows server, before it does anything or after it did it, before its reply. */
    private static final class WindowsBoundary implements Boundary {
        private final FakeWindows windows;
        private final String kind;
        private final FakeWindows.Moment moment;
        private FakeWindows.Hold hold;

        WindowsBoundary(FakeWindows windows, String kind, FakeWindows.Moment moment) {
            this.windows = windows;
            this.kind = kind;
            this.moment = moment;
        }

        @Override
        public void arm() {
            hold = windows.holdNext(kind, moment);
        }

        @Override
        public boolean reached() {
            return hold.reached();
        }

        @Override
        public void disarm() {
            hold.drop();
        }

        @Override
        public String what() {
            return kind + (moment == FakeWindows.Moment.BEFORE ? ", not run" : ", run, reply lost");
        }

        @Override
        public String toString() {
            return hold == null ? moment + " " + kind : hold.toString();
        }
    }

    private void hold(String point) throws IOException {
        Path temporary = Files.createTempFile(state, StopPoints.HOLD, ".tmp");
        Files.writeString(temporary, point);
        Files.move(temporary, state.resolve(StopPoints.HOLD), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitReached(Harness harness, String id, Boundary boundary) throws IOException {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await(boundary.toString()).atMost(STEP_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (boundary.reached()) {
                return true;
            }
            last[0] = runbook(harness, id);
            return !List.of("QUEUED", "RUNNING").contains(last[0].getString("status"));
        });
        assertTrue(boundary.reached(), () -> "the runbook stopped before " + boundary + ": " + last[0].prettify());
    }

    // ---- what is asserted

    private static void assertEveryStepDoneInOneAttempt(JsonPath runbook) {
        List<Map<String, Object>> steps = runbook.getList("steps");
        assertEquals(new io.wfdr.restore.service.recovery.DatabaseRecovery().steps().size(), steps.size(),
                "every step of the template");
        for (Map<String, Object> step : steps) {
            assertEquals("DONE", step.get("status"), "step " + step.get("number") + ": " + step);
            assertEquals(1, step.get("attempts"), "step " + step.get("number") + " began once: " + step);
        }
    }

    /** From the DR SQL Server's disks: each backup set restored once, RECOVERY once, each CREATE LOGIN once. */
    private static void assertEachNonIdempotentActionOnce(DrEnvironment environment) throws IOException {
        SimulatedSqlServer server = environment.drSqlServer();
        String executed = String.join("\n  ", server.executed());
        assertEquals(1, server.restores(environment.newName, environment.full.backupSetGuid()), executed);
        assertEquals(1, server.restores(environment.newName, environment.differential.backupSetGuid()), executed);
        assertEquals(1, server.recoveries(environment.newName), executed);
        assertEquals(1, server.loginsCreated("tfwfowner"), executed);
        assertEquals(1, server.loginsCreated("tfwfuser"), executed);
        assertEquals(3, server.executed().stream().filter(s -> s.startsWith("RESTORE ")).count(),
                "no RESTORE sent twice, not even one the server refused:\n  " + executed);
        assertEquals(2, server.executed().stream().filter(s -> s.startsWith("CREATE LOGIN ")).count(),
                "no CREATE LOGIN sent twice, not even one the server refused:\n  " + executed);
        assertTrue(server.database(environment.newName).orElseThrow().online(), executed);
    }

    // ---- the processes and the world they work in

    private String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("db").resolve("restore-service")
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;DEFAULT_LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
    }

    private Map<String, String> settings(String group) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.jdbc.url", databaseUrl());
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("wfdr.local-dir", work.toString());
        settings.put("wfdr.harness.state-dir", state.toString());
        settings.put("wfdr.secrets.file-folders", secrets.toString());
        settings.put("mp.jwt.verify.publickey.location", keys.get("mp.jwt.verify.publickey.location"));
        settings.put("mp.jwt.verify.issuer", keys.get("mp.jwt.verify.issuer"));
        settings.put("wfdr.restore.runbooks.lease", "3s");
        settings.put("wfdr.restore.runbooks.heartbeat", "1s"); // the scheduler runs nothing more often
        settings.put("wfdr.restore.runbooks.wait-interval", "500ms");
        // a consumer group of its own per test: a killed member stays in its group until its session times out
        String consumers = "restore-service-" + group + "-" + UUID.randomUUID();
        settings.put("mp.messaging.incoming.backup-events.group.id", consumers);
        settings.put("mp.messaging.incoming.inventory-events.group.id", consumers);
        return settings;
    }

    private Harness harness(String name, Map<String, String> settings) {
        return harness(name, settings, true);
    }

    private Harness harness(String name, Map<String, String> settings, boolean start) {
        Harness harness = new Harness(name, LocalKafkaBroker.freePort(), settings, work.resolve(name + ".log"));
        harnesses.add(harness);
        System.out.println(name + " logs to " + harness.log());
        return start ? harness.start() : harness;
    }

    private DrEnvironment environment(String tag) throws Exception {
        DrEnvironment environment = new DrEnvironment(tag, topics, secrets, state, work, webUrl);
        environments.add(environment);
        environment.writeDrSqlServer();
        return environment;
    }

    private static void awaitKnown(Harness harness, DrEnvironment environment) {
        Awaitility.await("the restore service knows " + environment.databaseName).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as("viewer", harness).get("/api/databases/" + environment.databaseId
                        + "/reachable").then().statusCode(200).body("latest", equalTo(DrEnvironment.NOON.toString())));
    }

    private static String requestRecovery(Harness harness, DrEnvironment environment) {
        return as("operator", harness).header("Idempotency-Key", "crash-" + environment.databaseId)
                .body(environment.request()).post("/api/restores").then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitEnded(Harness harness, String id) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await("runbook " + id + " ends").atMost(STEP_LIMIT.multipliedBy(2))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    last[0] = runbook(harness, id);
                    return !List.of("QUEUED", "RUNNING").contains(last[0].getString("status"));
                });
        return last[0];
    }

    private static JsonPath runbook(Harness harness, String id) {
        return as("viewer", harness).get("/api/restores/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String role, Harness harness) {
        return given().port(harness.port()).header("Authorization", "Bearer " + BearerTokens.forRole(role))
                .contentType("application/json");
    }
}
