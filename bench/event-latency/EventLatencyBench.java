import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/event-latency: {@code INVENTORY_URL RESTORE_URL OPERATOR_TOKEN VIEWER_TOKEN ROUNDS}. Registers servers in
 * the inventory one at a time and times each from its 201 (the change committed) until the restore service answers
 * for it (the inventory's event published, consumed and applied there), asking again every 2 ms until it does.
 */
public class EventLatencyBench {

    static final int WARMUP = Integer.getInteger("warmup", 50);
    static final long ASK_EVERY_NANOS = 2_000_000;
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String inventory = args[0];
        String restore = args[1];
        String operator = args[2];
        String viewer = args[3];
        int rounds = Integer.parseInt(args[4]);
        String environment = create(inventory, operator, "/api/environments",
                "{\"name\":\"Latency bench " + UUID.randomUUID() + "\",\"description\":\"bench/event-latency\"}");
        String site = create(inventory, operator, "/api/sites", "{\"environmentId\":\"" + environment
                + "\",\"name\":\"Bench site " + UUID.randomUUID() + "\",\"role\":\"PRODUCTION\","
                + "\"location\":\"Lakeland, Florida, US\"}");
        for (int i = 0; i < WARMUP; i++) {
            latency(inventory, restore, operator, viewer, site);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            nanos[i] = latency(inventory, restore, operator, viewer, site);
        }
        Arrays.sort(nanos);
        System.err.printf("servers: %d timed, max %.1f ms%n", rounds, nanos[rounds - 1] / 1e6);
        System.out.printf("event-latency p50_ms=%.1f p99_ms=%.1f%n", percentile(nanos, 0.50) / 1e6,
                percentile(nanos, 0.99) / 1e6);
    }

    private static long latency(String inventory, String restore, String operator, String viewer, String site)
            throws Exception {
        String server = create(inventory, operator, "/api/servers", serverBody(site));
        long committed = System.nanoTime();
        HttpRequest known = HttpRequest.newBuilder(URI.create(restore + "/api/servers/" + server
                + "/restore-throughput")).header("Authorization", "Bearer " + viewer).GET().build();
        long deadline = committed + 30_000_000_000L;
        while (HTTP.send(known, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the restore service did not learn of server " + server + " in 30 s");
            }
            // asked every 2 ms, not in a busy loop: on two cores the asking would slow the work it waits for
            LockSupport.parkNanos(ASK_EVERY_NANOS);
        }
        return System.nanoTime() - committed;
    }

    private static String serverBody(String site) {
        return "{\"name\":\"LAT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "\",\"siteId\":\""
                + site + "\",\"roles\":[\"WORKFLOW_WEB_SERVER\"],\"machineType\":\"PHYSICAL_MACHINE\","
                + "\"hardware\":{\"cpuSockets\":2,\"coresPerSocket\":2,\"clockGhz\":3.0,\"memoryGb\":8,"
                + "\"diskGb\":120,\"fileSystem\":\"NTFS\"},\"operatingSystem\":{\"name\":\"Windows Server 2019\","
                + "\"servicePack\":\"R2\"}}";
    }

    private static String create(String base, String token, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("POST " + path + " answered no id: " + response.body());
        }
        return id.group(1);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }
}
