package io.wfdr.restore.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A Windows server at the PowerShell boundary: what WindowsScripts' scripts would do there, by Windows' rules.
 * It recognises a script by its first line ({@code # wfdr:stop-services}) and reads its values back from the
 * single-quoted literals, so a quoting mistake changes what it sees. Services have states and dependencies; one may
 * need several polls to stop or start (each poll stands for one 250 ms wait, so the script's deadline is a poll
 * budget and no test sleeps). The 32-bit and 64-bit System DSN stores are apart: Get-/Set-OdbcDsn use the one
 * -Platform names, an ODBC connection the one of the PowerShell it runs in. A connection succeeds only to a
 * reachable server with the login's password as read from standard input. Every script is recorded with the
 * PowerShell that ran it and its standard input. A test can hold the next script of a kind before Windows does
 * anything or after it did it but before the reply leaves ({@link #holdNext}), e.g. to kill its caller there.
 */
public final class FakeWindows {

    public record Received(String commandLine, String powershell, String script, String stdin) {
    }

    public record Reply(int exit, String stdout, String stderr) {
    }

    /** Where a held script stops: before Windows does anything, or after it did what the script says. */
    public enum Moment { BEFORE, AFTER }

    /**
     * One held script: {@link #awaitReached} says it is there; {@link #release} lets it go on, {@link #drop} ends it
     * — before: without anything done, as when the caller is gone before the script started; after: its reply
     * goes to nobody.
     */
    public static final class Hold {
        private final String kind;
        private final Moment moment;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean dropped;

        private Hold(String kind, Moment moment) {
            this.kind = kind;
            this.moment = moment;
        }

        public boolean awaitReached(Duration timeout) throws InterruptedException {
            return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public boolean reached() {
            return reached.getCount() == 0;
        }

        public void release() {
            ended.countDown();
        }

        public void drop() {
            dropped = true;
            ended.countDown();
        }

        @Override
        public String toString() {
            return moment.name().toLowerCase() + " " + kind;
        }

        /** @return false when dropped */
        private boolean hold() {
            reached.countDown();
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !dropped;
        }
    }

    public static final class Service {
        final String name;
        final Set<String> needs = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        String status = "Running";
        int pollsToStop;
        int pollsToStart;
        int pollsLeft;

        Service(String name) {
            this.name = name;
        }

        /** The service needs another one running (its DependOnService). */
        public Service requires(String service) {
            needs.add(service);
            return this;
        }
    }

    public static final class Dsn {
        final String driver;
        final Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Dsn(String driver) {
            this.driver = driver;
        }

        /** An attribute as the registry holds it (Server, Database, LastUser, ...). */
        public String attribute(String name) {
            return attributes.get(name);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern DEADLINE = Pattern.compile(
            "^\\$deadline = \\[DateTime\\]::UtcNow\\.AddSeconds\\((\\d+)\\)$", Pattern.MULTILINE);
    private static final int POLLS_PER_SECOND = 4;

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Map<String, Dsn>> dsns = Map.of(
            WindowsScripts.PLATFORM_32, new TreeMap<>(String.CASE_INSENSITIVE_ORDER),
            WindowsScripts.PLATFORM_64, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    private final Set<String> reachableServers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> sqlLogins = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> stopped = new CopyOnWriteArrayList<>();
    final List<String> started = new CopyOnWriteArrayList<>();
    final AtomicInteger cutOff = new AtomicInteger();
    private final Map<String, Hold> holds = new LinkedHashMap<>();

    // --- arranging the machine

    public synchronized Service service(String name, String status) {
        Service service = new Service(name);
        service.status = status;
        services.put(name.toLowerCase(), service);
        return service;
    }

    public synchronized Service service(String name) {
        return services.get(name.toLowerCase());
    }

    public synchronized Dsn dsn(String platform, String name, String driver, String server, String database,
            String login) {
        Dsn dsn = new Dsn(driver);
        dsn.attributes.put("Server", server);
        dsn.attributes.put("Database", database);
        dsn.attributes.put("LastUser", login);
        dsns.get(platform).put(name, dsn);
        return dsn;
    }

    public synchronized Dsn dsn(String platform, String name) {
        return dsns.get(platform).get(name);
    }

    public synchronized void reachable(String server) {
        reachableServers.add(server);
    }

    public synchronized void sqlLogin(String login, String password) {
        sqlLogins.put(login, password);
    }

    /** The next script whose first line is {@code kind} (e.g. {@code # wfdr:stop-services}) stops at the moment. */
    public synchronized Hold holdNext(String kind, Moment moment) {
        Hold hold = new Hold(kind, moment);
        holds.put(kind, hold);
        return hold;
    }

    /** Every script received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every service a script stopped (each time it did), in order. */
    public List<String> stopped() {
        return List.copyOf(stopped);
    }

    /** Every service a script started (each time it did), in order. */
    public List<String> started() {
        return List.copyOf(started);
    }

    public synchronized String status(String service) {
        Service found = service(service);
        return found == null ? ServiceState.MISSING : found.status;
    }

    // --- running a script

    Reply run(Received script, CountDownLatch channelClosed) {
        received.add(script);
        String text = script.script();
        String kind = text.lines().findFirst().orElse("");
        if (kind.equals("# test:never-ends")) {
            awaitQuietly(channelClosed);
            cutOff.incrementAndGet();
            return new Reply(1, "", "");
        }
        Hold hold;
        synchronized (this) {
            hold = holds.remove(kind);
        }
        if (hold != null && hold.moment == Moment.BEFORE && !hold.hold()) {
            return new Reply(1, "", "stopped before it ran");
        }
        Reply reply;
        try {
            synchronized (this) {
                reply = dispatch(kind, script);
            }
        } catch (IllegalArgumentException e) {
            reply = new Reply(1, "", "ParserError: " + e.getMessage());
        }
        if (hold != null && hold.moment == Moment.AFTER) {
            hold.hold();
        }
        return reply;
    }

    private Reply dispatch(String kind, Received script) {
        String text = script.script();
        return switch (kind) {
            case "# wfdr:service-states" -> ok(states(PowerShellLiterals.list(text, "names")));
            case "# wfdr:stop-services" -> stopServices(text);
            case "# wfdr:start-services" -> startServices(text);
            case "# wfdr:read-dsn" -> readDsn(text);
            case "# wfdr:point-dsn" -> pointDsn(text);
            case "# wfdr:test-dsn" -> testDsn(script);
            case "# test:echo-stdin" -> new Reply(0, script.stdin(), "");
            case "# test:fail" -> new Reply(3, "out", "Write-Error: fehlgeschlagen ü");
            case "# test:flood" -> new Reply(0, "x".repeat(100_000), "");
            default -> new Reply(1, "", "not a script this Windows knows: " + kind);
        };
    }

    // --- services

    private List<Map<String, String>> states(List<String> names) {
        List<Map<String, String>> states = new ArrayList<>();
        for (String name : names) {
            Service service = service(name);
            states.add(service == null ? state(name, ServiceState.MISSING) : state(service.name, service.status));
        }
        return states;
    }

    private Reply stopServices(String text) {
        List<String> names = PowerShellLiterals.list(text, "names");
        int[] budget = {deadlineSeconds(text) * POLLS_PER_SECOND};
        List<Service> listed = listed(names);
        List<String> outside = new ArrayList<>();
        for (Service service : listed) {
            for (Service dependent : dependents(service)) {
                if (!dependent.status.equals("Stopped") && !contains(names, dependent.name)) {
                    outside.add(dependent.name + " needs " + service.name);
                }
            }
        }
        if (!outside.isEmpty()) {
            return failed("nothing stopped: services outside the list depend on listed ones: "
                    + String.join(", ", outside));
        }
        listed.sort((a, b) -> Long.compare(listedDependents(a, names), listedDependents(b, names)));
        for (Service service : listed) {
            if (!service.status.equals("Stopped") && !service.status.equals("StopPending")) {
                stop(service);
            }
            if (!waitFor(service, "Stopped", budget)) {
                break;
            }
        }
        return ok(states(names));
    }

    private Reply startServices(String text) {
        List<String> names = PowerShellLiterals.list(text, "names");
        int[] budget = {deadlineSeconds(text) * POLLS_PER_SECOND};
        List<Service> listed = listed(names);
        listed.sort((a, b) -> Long.compare(listedDependents(b, names), listedDependents(a, names)));
        for (Service service : listed) {
            if (service.status.equals("Stopped")) {
                start(service);
            }
            if (!waitFor(service, "Running", budget)) {
                break;
            }
        }
        return ok(states(names));
    }

    /** ServiceController.Stop(): dependents not yet stopped are stopped with it. */
    private void stop(Service service) {
        for (Service dependent : dependents(service)) {
            if (!dependent.status.equals("Stopped")) {
                stop(dependent);
            }
        }
        stopped.add(service.name);
        service.pollsLeft = service.pollsToStop;
        service.status = service.pollsToStop == 0 ? "Stopped" : "StopPending";
    }

    /** The service control manager starts what a service needs before the service itself. */
    private void start(Service service) {
        for (String need : service.needs) {
            Service needed = service(need);
            if (needed != null && needed.status.equals("Stopped")) {
                start(needed);
                needed.status = "Running";
            }
        }
        started.add(service.name);
        service.pollsLeft = service.pollsToStart;
        service.status = service.pollsToStart == 0 ? "Running" : "StartPending";
    }

    private static boolean waitFor(Service service, String status, int[] budget) {
        while (!service.status.equals(status) && budget[0] > 0) {
            budget[0]--;
            if (--service.pollsLeft <= 0) {
                service.status = service.status.equals("StopPending") ? "Stopped"
                        : service.status.equals("StartPending") ? "Running" : service.status;
            }
        }
        return service.status.equals(status);
    }

    private List<Service> listed(List<String> names) {
        return new ArrayList<>(services.values().stream().filter(s -> contains(names, s.name)).toList());
    }

    /** DependentServices: every service that needs this one, directly or through others. */
    private Set<Service> dependents(Service service) {
        Set<Service> found = new LinkedHashSet<>();
        for (Service other : services.values()) {
            if (other.needs.contains(service.name) && found.add(other)) {
                found.addAll(dependents(other));
            }
        }
        return found;
    }

    private long listedDependents(Service service, List<String> names) {
        return dependents(service).stream().filter(d -> contains(names, d.name)).count();
    }

    private static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(name::equalsIgnoreCase);
    }

    private static int deadlineSeconds(String text) {
        Matcher matcher = DEADLINE.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no $deadline");
        }
        return Integer.parseInt(matcher.group(1));
    }

    // --- DSNs

    private Reply readDsn(String text) {
        String name = PowerShellLiterals.scalar(text, "name");
        String platform = platform(text);
        Dsn dsn = dsns.get(platform).get(name);
        if (dsn == null) {
            return missingDsn(text, name, platform);
        }
        return ok(dsnReply(name, platform, dsn));
    }

    private Reply pointDsn(String text) {
        String name = PowerShellLiterals.scalar(text, "name");
        String platform = platform(text);
        Dsn dsn = dsns.get(platform).get(name);
        if (dsn == null) {
            return missingDsn(text, name, platform);
        }
        if (!dsn.driver.contains("SQL Server")) {
            return failed("not changed: the DSN " + name + " uses " + dsn.driver + ", not a SQL Server driver");
        }
        for (String property : PowerShellLiterals.list(text, "properties")) {
            int equals = property.indexOf('=');
            dsn.attributes.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return ok(dsnReply(name, platform, dsn));
    }

    /** Get-OdbcDsn fails with an ObjectNotFound error; a script that handles it says so, any other fails. */
    private static Reply missingDsn(String text, String name, String platform) {
        if (text.contains("$_.CategoryInfo.Category -ne 'ObjectNotFound'")) {
            Map<String, Object> missing = new LinkedHashMap<>();
            missing.put("name", name);
            missing.put("platform", platform);
            missing.put("missing", true);
            return ok(missing);
        }
        return new Reply(1, "", "Get-OdbcDsn : No matching ODBC DSN found. (Get-OdbcDsn -Name '" + name
                + "' -DsnType 'System' -Platform '" + platform + "')\n"
                + "    + CategoryInfo          : ObjectNotFound: (" + name + ":String) [Get-OdbcDsn], CimException");
    }

    private static Map<String, Object> dsnReply(String name, String platform, Dsn dsn) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("name", name);
        reply.put("platform", platform);
        reply.put("driver", dsn.driver);
        reply.put("server", dsn.attributes.get("Server"));
        reply.put("database", dsn.attributes.get("Database"));
        reply.put("login", dsn.attributes.get("LastUser"));
        return reply;
    }

    private static String platform(String text) {
        String platform = PowerShellLiterals.scalar(text, "platform");
        if (!platform.equals(WindowsScripts.PLATFORM_32) && !platform.equals(WindowsScripts.PLATFORM_64)) {
            throw new IllegalArgumentException("Get-OdbcDsn : Cannot validate argument on parameter 'Platform'");
        }
        return platform;
    }

    /** An ODBC connection in PowerShell sees the DSNs of its own bitness only. */
    private Reply testDsn(Received script) {
        String text = script.script();
        String name = PowerShellLiterals.scalar(text, "name");
        String login = PowerShellLiterals.scalar(text, "login");
        String password = firstLine(script.stdin());
        String processBits = script.powershell().contains("\\SysWOW64\\") ? WindowsScripts.PLATFORM_32
                : WindowsScripts.PLATFORM_64;
        Dsn dsn = dsns.get(processBits).get(name);
        if (dsn == null) {
            return ok(odbcFailure("ERROR [IM002] [Microsoft][ODBC Driver Manager] Data source name not found and "
                    + "no default driver specified"));
        }
        String server = dsn.attributes.get("Server");
        if (!reachableServers.contains(server)) {
            return ok(odbcFailure("ERROR [08001] [Microsoft][ODBC SQL Server Driver][DBNETLIB]SQL Server does not "
                    + "exist or access denied."));
        }
        if (password == null || !password.equals(sqlLogins.get(login))) {
            return ok(odbcFailure("ERROR [28000] [Microsoft][ODBC SQL Server Driver][SQL Server]Login failed for "
                    + "user '" + login + "'."));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("connected", true);
        reply.put("server", server);
        reply.put("database", dsn.attributes.get("Database"));
        reply.put("odbcError", null);
        return ok(reply);
    }

    private static Map<String, Object> odbcFailure(String error) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("connected", false);
        reply.put("server", null);
        reply.put("database", null);
        reply.put("odbcError", error);
        return reply;
    }

    /** StreamReader.ReadLine over the UTF-8 bytes of standard input. */
    private static String firstLine(String stdin) {
        if (stdin == null || stdin.isEmpty()) {
            return null;
        }
        int end = stdin.indexOf('\n');
        String line = end < 0 ? stdin : stdin.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    // --- replies as the scripts' Write-Reply prints them (ConvertTo-Json -Compress, non-ASCII escaped)

    private static Map<String, String> state(String name, String status) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("status", status);
        return state;
    }

    private static Reply ok(Object reply) {
        return new Reply(0, json(reply) + "\r\n", "");
    }

    /** The scripts' trap: the error as a reply, exit code 1. */
    private static Reply failed(String error) {
        return new Reply(1, json(Map.of("error", error)) + "\r\n", "");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
