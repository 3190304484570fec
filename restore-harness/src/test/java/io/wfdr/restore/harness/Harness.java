package io.wfdr.restore.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/**
 * One restore-harness process, started from the packaged application ({@code quarkus-run.jar}) as an operator would
 * start restore-service, and killed with SIGKILL ({@link Process#destroyForcibly()}): no shutdown hook, no graceful
 * anything. It keeps its port, database and state folder across restarts; its output goes to one log file.
 */
final class Harness implements AutoCloseable {

    static final Path APP = Path.of(System.getProperty("wfdr.harness.app", "target/quarkus-app/quarkus-run.jar"));
    private static final String CDS_ARCHIVE = "app-cds.jsa";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private int starts;
    private final List<Duration> startTimes = new ArrayList<>();

    Harness(String name, int port, Map<String, String> settings, Path log) {
        this.name = name;
        this.port = port;
        this.settings = new LinkedHashMap<>(settings);
        this.settings.put("quarkus.http.port", String.valueOf(port));
        this.log = log;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the process and returns once it is ready (its database migrated, its HTTP port open). */
    Harness start() {
        if (alive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmx384m",
                "-XX:-UsePerfData"));
        Path folder = APP.toAbsolutePath().getParent();
        if (Files.exists(folder.resolve(CDS_ARCHIVE))) {
            // the archive the package built names the application's classpath as it was run there: relative
            command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", APP.getFileName().toString()));
        Instant began = Instant.now();
        try {
            Files.writeString(log, "==== " + name + " start " + (++starts) + " at " + began + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + APP, e);
        }
        Process started = process;
        Awaitility.await(name + " ready on port " + port).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + started.exitValue() + "; see "
                                + log);
                    }
                    return ready();
                });
        startTimes.add(Duration.between(began, Instant.now()));
        return this;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        appendToLog("==== " + name + " killed (SIGKILL), exit " + process.exitValue());
    }

    List<Duration> startTimes() {
        return List.copyOf(startTimes);
    }

    Path log() {
        return log;
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At the end of a test: a plain stop (SIGTERM), so the process leaves its Kafka consumer group. */
    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
