import java.math.BigDecimal;
import java.net.URI;
import java.io.BufferedInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.ContractJson;

/**
 * bench/restore-plan. Phases (the run script calls each): {@code fill JDBC_URL DATABASES DAYS} writes a catalog into
 * the restore service's own tables (DATABASES databases with DAYS of daily fulls, hourly differentials and 15-minute
 * logs, plus one database with a whole year); {@code baseline JDBC_URL ROUNDS} times a plain indexed SELECT of the
 * year database's rows; {@code plans BASE_URL TOKEN ROUNDS BASELINE_P99_MS} times plans of that database (latest and
 * random points in time) in rounds and prints the last line.
 */
public class RestorePlanBench {

    static final String YEAR_DB = "00000000-0000-4000-8000-00000000beef";
    static final String SERVER = "00000000-0000-4000-8000-000000000001";
    static final String DR = "00000000-0000-4000-8000-000000000002";
    static final Instant END = Instant.parse("2026-11-30T00:00:00Z");
    /**
     * Plans made before timing starts: the service in its steady state, its code compiled, not its first minute (with
     * 2,000 the first timed rounds were still settling: p99 13.7, 11.3, then 7.0 ms).
     */
    static final int WARMUP = Integer.getInteger("warmup", 6000);
    /**
     * Rounds of ROUNDS timed plans; the p99 reported is the median of the rounds' p99s, as bench/inventory-load does,
     * so that one noisy moment of a shared two-core machine does not decide the result.
     */
    static final int REPEATS = Integer.getInteger("repeats", 5);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fill" -> fill(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "baseline" -> System.out.printf("%.3f%n", baseline(args[1], Integer.parseInt(args[2])));
            case "plans" -> plans(args[1], args[2], Integer.parseInt(args[3]), Double.parseDouble(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void fill(String url, int databases, int days) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "wfdr", "")) {
            db.setAutoCommit(false);
            exec(db, "INSERT INTO known_site VALUES ('s-prod', 'Lakeland', 'PRODUCTION')");
            exec(db, "INSERT INTO known_site VALUES ('s-dr', 'Atlanta', 'DR')");
            exec(db, "INSERT INTO known_server VALUES ('" + SERVER + "', 'SQLPROD01', 'SQLPROD01', 's-prod')");
            exec(db, "INSERT INTO known_server VALUES ('" + DR + "', 'SQLDR01', 'SQLDR01', 's-dr')");
            exec(db, "INSERT INTO known_pair VALUES ('pair', '" + SERVER + "', '" + DR + "', 'NORMAL')");
            try (PreparedStatement database = db.prepareStatement("INSERT INTO known_database VALUES (?, ?, ?, 'env', "
                    + "'FULL', 15, 240)");
                    PreparedStatement set = db.prepareStatement("INSERT INTO known_backup_set VALUES (?, ?, ?, ?, ?, "
                            + "FALSE, 'OWN_BACKUP', ?, ?)");
                    PreparedStatement copy = db.prepareStatement("INSERT INTO known_copy VALUES (?, ?, ?, 1, 'nas', "
                            + "'s-dr', ?, ?, NULL, ?, 4096, 'VERIFIED', ?)")) {
                history(database, set, copy, YEAR_DB, "TFLOWF", 365);
                for (int i = 0; i < databases; i++) {
                    history(database, set, copy, UUID.randomUUID().toString(), "DB" + i, days);
                    if (i % 20 == 19) {
                        db.commit();
                        System.err.printf("filled %d of %d databases%n", i + 1, databases);
                    }
                }
                db.commit();
            }
            System.err.println("compacting the database (a catalog in its steady state, not one just bulk-loaded)");
            exec(db, "SHUTDOWN COMPACT");
        }
    }

    private static void history(PreparedStatement database, PreparedStatement set, PreparedStatement copy, String id,
            String name, int days) throws Exception {
        database.setString(1, id);
        database.setString(2, name);
        database.setString(3, SERVER);
        database.executeUpdate();
        try (var revision = database.getConnection().prepareStatement("INSERT INTO catalog_revision VALUES (?, 1)")) {
            revision.setString(1, id);
            revision.executeUpdate();
        }
        long lsn = 1_000_000;
        String full = null;
        int rows = 0;
        Instant start = END.minus(Duration.ofDays(days));
        for (int minute = 15; minute <= days * 1440; minute += 15) {
            Instant at = start.plusSeconds(60L * minute);
            if (minute % 1440 == 0 || full == null) {
                full = add(set, copy, id, name, BackupType.FULL, lsn - 5, lsn, null, at);
                rows++;
            } else if (minute % 60 == 0) {
                add(set, copy, id, name, BackupType.DIFFERENTIAL, lsn - 5, lsn, full, at);
                rows++;
            }
            long first = lsn;
            lsn += 10;
            add(set, copy, id, name, BackupType.LOG, first, lsn, null, at);
            if (++rows % 500 == 0) {
                set.executeBatch();
                copy.executeBatch();
            }
        }
        set.executeBatch();
        copy.executeBatch();
    }

    private static String add(PreparedStatement set, PreparedStatement copy, String databaseId, String name,
            BackupType type, long first, long last, String base, Instant at) throws Exception {
        String uuid = UUID.randomUUID().toString().toUpperCase();
        BackupSet chain = BackupSet.ofChain(uuid, name, type, false, BigDecimal.valueOf(first), BigDecimal.valueOf(last),
                null, base, "FORK", "FORK", at, false);
        BackupSet whole = new BackupSet(uuid, name, type, false, 1, chain.firstLsn(), chain.lastLsn(), null, null, null,
                base, "FORK", "FORK", null, false, false, false, false, false, true, at.minusSeconds(20), at, 0,
                8_000_000, 4_000_000, BackupSet.Media.disk(List.of("D:\\Backup\\" + uuid + ".bak")),
                type == BackupType.FULL ? List.of(new BackupSet.LogicalFile(1, name, "D", "PRIMARY", 8_000_000,
                        "D:\\Data\\" + name + ".mdf"), new BackupSet.LogicalFile(2, name + "_log", "L", null, 1_000_000,
                        "L:\\Log\\" + name + "_log.ldf")) : List.of(), null, null);
        Timestamp time = Timestamp.from(at);
        set.setString(1, uuid);
        set.setString(2, databaseId);
        set.setString(3, name);
        set.setString(4, type.name());
        set.setTimestamp(5, time);
        set.setString(6, ContractJson.write(whole));
        set.setTimestamp(7, time);
        set.addBatch();
        copy.setString(1, UUID.randomUUID().toString());
        copy.setString(2, uuid);
        copy.setString(3, databaseId);
        copy.setString(4, "/mnt/dr/" + uuid + ".bak");
        copy.setString(5, "\\\\nas-dr\\sql\\" + uuid + ".bak");
        copy.setString(6, "ab".repeat(32));
        copy.setTimestamp(7, time);
        copy.addBatch();
        return uuid;
    }

    /** The plain indexed SELECT of the rows a plan of the year database reads: its sets and its copies. */
    static double baseline(String url, int rounds) throws Exception {
        long[] times = new long[rounds];
        try (Connection db = DriverManager.getConnection(url, "wfdr", "");
                PreparedStatement sets = db.prepareStatement("SELECT backup_set FROM known_backup_set "
                        + "WHERE database_id = ? AND expired = FALSE ORDER BY finished_at");
                PreparedStatement copies = db.prepareStatement("SELECT restore_path FROM known_copy "
                        + "WHERE database_id = ? AND state = 'VERIFIED'")) {
            double[] p99s = new double[REPEATS];
            for (int round = 0; round < REPEATS; round++) {
                for (int i = round == 0 ? -3 : 0; i < rounds; i++) {
                    long start = System.nanoTime();
                    int rows = read(sets) + read(copies);
                    if (i >= 0) {
                        times[i] = System.nanoTime() - start;
                    }
                    if (rows < 1000) {
                        throw new IllegalStateException("the year database has only " + rows + " rows");
                    }
                }
                p99s[round] = p99(times);
            }
            Arrays.sort(p99s);
            return p99s[REPEATS / 2];
        }
    }

    private static int read(PreparedStatement query) throws Exception {
        query.setString(1, YEAR_DB);
        int rows = 0;
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows += result.getString(1).length() > 0 ? 1 : 0;
            }
        }
        return rows;
    }

    static void plans(String base, String token, int rounds, double baselineP99) throws Exception {
        Random random = new Random(20261201);
        try (Client http = new Client(URI.create(base), token)) {
            for (int i = 0; i < WARMUP; i++) {
                plan(http, i % 2 == 0 ? null : END.minus(Duration.ofMinutes(random.nextInt(364 * 1440))).toString());
            }
            double[] p99s = new double[REPEATS];
            long[] times = new long[rounds];
            for (int round = 0; round < REPEATS; round++) {
                for (int i = 0; i < rounds; i++) {
                    String point = i % 2 == 0 ? null
                            : END.minus(Duration.ofMinutes(random.nextInt(364 * 1440))).toString();
                    long start = System.nanoTime();
                    plan(http, point);
                    times[i] = System.nanoTime() - start;
                }
                p99s[round] = p99(times);
                long[] sorted = times.clone();
                Arrays.sort(sorted);
                System.err.printf("round %d: %d plans, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        round + 1, rounds, sorted[rounds / 2] / 1e6, sorted[(int) (rounds * 0.9)] / 1e6, p99s[round],
                        sorted[rounds - 1] / 1e6);
            }
            long[] reads = new long[50];
            for (int i = 0; i < reads.length; i++) {
                long start = System.nanoTime();
                http.exchange("GET", "/api/databases/" + YEAR_DB + "/reachable", null);
                reads[i] = System.nanoTime() - start;
            }
            Arrays.sort(reads);
            System.err.printf("reachable (no plan stored): p50 %.2f ms%n", reads[25] / 1e6);
            Arrays.sort(p99s);
            double p99 = p99s[REPEATS / 2];
            System.out.printf("restore-plan p99_ms=%.2f baseline_p99_ms=%.2f p99_ratio=%.2f%n", p99, baselineP99,
                    p99 / baselineP99);
        }
    }

    private static void plan(Client http, String point) throws Exception {
        String body = "{\"databaseId\":\"" + YEAR_DB + "\"" + (point == null ? "" : ",\"pointInTime\":\"" + point + "\"")
                + "}";
        String response = http.exchange("POST", "/api/restore-plans", body);
        if (!response.startsWith("201")) {
            throw new IllegalStateException("plan " + point + ": " + response);
        }
    }

    /**
     * A plain HTTP/1.1 client on one kept-alive connection, as curl or a pipeline would speak to the service: no
     * selector thread between the bench and the socket, so on two cores the times are the service's, not the
     * client's.
     */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final BufferedInputStream in;
        private final String host;
        private final String token;

        Client(URI base, String token) throws Exception {
            this.socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
            this.host = base.getHost() + ":" + base.getPort();
            this.token = token;
        }

        /** The status code and the body, e.g. {@code 201 {...}}. */
        String exchange(String method, String path, String body) throws Exception {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String status = line().split(" ")[1];
            int length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IllegalStateException("a response without Content-Length to " + method + " " + path);
            }
            return status + " " + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private String line() throws Exception {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IllegalStateException("the service closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
