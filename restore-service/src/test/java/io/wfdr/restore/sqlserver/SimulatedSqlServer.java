package io.wfdr.restore.sqlserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * A DR SQL Server for runbook tests that keeps SQL Server's restore, login and user rules and reports their real
 * error numbers and messages (with the 3013 trailer after a RESTORE or VERIFY), so a runbook that does things in the
 * wrong order fails here as it would on the server. Rules: {@link SimulatedMedia}, {@link SimulatedRestores},
 * {@link SimulatedSecurity}; statements it understands: {@link SimulatedStatements}. It records every statement
 * (as shown), counts the actions that must never run twice, can fail or lose the reply of the next statement that
 * starts with a prefix, and can hold one half-way. What it holds can be written to a file and read back
 * ({@link #saveTo}, {@link #loadFrom}), so it can outlive the process that drives it, as a real server does.
 * Thread-safe: one monitor guards the state, never held while a statement is paused.
 */
public class SimulatedSqlServer implements TargetSqlServer {

    private final String display;
    private final Clock clock;
    private final SimulatedState state;
    private final SimulatedRestores restores;
    private final SimulatedSecurity security;
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> reads = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, SimulatedRefusal> failures = new LinkedHashMap<>();
    private final Map<String, Boolean> lostReplies = new LinkedHashMap<>();
    private final Map<String, SimulatedPause> pauses = new LinkedHashMap<>();

    public SimulatedSqlServer(String display, Clock clock) {
        this(display, clock, new SimulatedState());
    }

    private SimulatedSqlServer(String display, Clock clock, SimulatedState state) {
        this.display = display;
        this.clock = clock;
        this.state = state;
        this.restores = new SimulatedRestores(state, clock);
        this.security = new SimulatedSecurity(state);
    }

    // ---- what survives the process: the server's disks

    /**
     * Everything the server holds — media, databases and their restore history, logins, folders, certificates, the
     * counts of actions that must never run twice, the statements it executed — as a JSON document that
     * {@link #restored} reads back; the faults a test injected are not part of it.
     */
    public ObjectNode saved() {
        synchronized (state) {
            return SimulatedStateJson.write(state, executed());
        }
    }

    /** The server as {@link #saved} described it. */
    public static SimulatedSqlServer restored(String display, Clock clock, JsonNode saved) {
        SimulatedState state = new SimulatedState();
        SimulatedSqlServer server = new SimulatedSqlServer(display, clock, state);
        SimulatedStateJson.read(saved, state, server.executed);
        return server;
    }

    /**
     * Writes {@link #saved} to the file atomically — a temporary file next to it, forced to the disk, then renamed
     * over it — so a process killed at any moment leaves the previous state or the new one, never half of one.
     */
    public void saveTo(Path file) throws IOException {
        byte[] bytes = SimulatedStateJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(saved());
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The server {@link #saveTo} wrote to the file. */
    public static SimulatedSqlServer loadFrom(Path file, String display, Clock clock) throws IOException {
        return restored(display, clock, SimulatedStateJson.JSON.readTree(file.toFile()));
    }

    // ---- what the test sets up

    public SimulatedSqlServer facts(ServerFacts facts) {
        synchronized (state) {
            state.facts = facts;
        }
        return this;
    }

    /** A folder (a volume's mount point, e.g. {@code D:\Data\}) that exists, with its free bytes. */
    public SimulatedSqlServer folder(String folder, long freeBytes) {
        synchronized (state) {
            state.freeBytes.put(folder, freeBytes);
        }
        return this;
    }

    /** One media set striped over these files, holding these backup sets at positions 1, 2, ... */
    public SimulatedSqlServer media(List<String> files, SimulatedBackup... backupSets) {
        synchronized (state) {
            state.media.add(new SimulatedMediaSet(files, List.of(backupSets)));
        }
        return this;
    }

    public SimulatedSqlServer media(String file, SimulatedBackup... backupSets) {
        return media(List.of(file), backupSets);
    }

    /** A byte of this file flipped: its headers still read, VERIFYONLY and RESTORE find the damage. */
    public void damage(String file) {
        synchronized (state) {
            SimulatedMediaSet media = state.mediaHolding(file);
            if (media == null) {
                throw new IllegalArgumentException("no media holds " + file);
            }
            media.damaged = true;
        }
    }

    /** The file is gone from the share (purged, never copied): opening it fails with 3201. */
    public void remove(String file) {
        synchronized (state) {
            state.missingFiles.add(SimulatedState.key(file));
        }
    }

    public SimulatedSqlServer login(String name, byte[] sid) {
        synchronized (state) {
            state.logins.put(SimulatedState.key(name),
                    new SimulatedLogin(name, HexFormat.of().withUpperCase().formatHex(sid), true));
        }
        return this;
    }

    /** A database already on the server (ONLINE, created here), with its files at these paths. */
    public SimulatedSqlServer onlineDatabase(String name, String recoveryModel, String... paths) {
        synchronized (state) {
            SimulatedDatabase database = new SimulatedDatabase(name, name);
            database.recoveryModel = recoveryModel;
            for (int i = 0; i < paths.length; i++) {
                database.files.put(name + "_" + i, new SimulatedDatabase.File(paths[i], 0));
            }
            state.put(database);
        }
        return this;
    }

    public SimulatedSqlServer encryptor(String thumbprint) {
        synchronized (state) {
            state.encryptors.add(thumbprint.toUpperCase(Locale.ROOT));
        }
        return this;
    }

    /** CHECKDB of this database will find a consistency error. */
    public void corrupt(String database) {
        synchronized (state) {
            state.database(database).corrupt = true;
        }
    }

    // ---- faults a test injects

    /** The next statement (executed or read) that starts with {@code prefix} fails with this error (and 3013). */
    public void failNext(String prefix, int number, String message) {
        synchronized (state) {
            failures.put(prefix, SimulatedRefusal.of(number, message));
        }
    }

    /** The next statement that starts with {@code prefix} runs to its end, but its reply never reaches the caller. */
    public void loseReplyToNext(String prefix) {
        synchronized (state) {
            lostReplies.put(prefix, true);
        }
    }

    /** The next statement that starts with {@code prefix} stops half-way until the test releases it. */
    public SimulatedPause pauseNext(String prefix) {
        synchronized (state) {
            SimulatedPause pause = new SimulatedPause();
            pauses.put(prefix, pause);
            return pause;
        }
    }

    // ---- what a test reads back

    /** Every statement {@link #execute} was given, as shown, in order (failed ones too). */
    public List<String> executed() {
        return List.copyOf(executed);
    }

    /** Every RESTORE HEADERONLY / FILELISTONLY / VERIFYONLY the server was asked for, in order. */
    public List<String> reads() {
        return List.copyOf(reads);
    }

    public int loginsCreated(String login) {
        synchronized (state) {
            return state.loginsCreated.getOrDefault(SimulatedState.key(login), 0);
        }
    }

    /** How many times a RESTORE ... WITH RECOVERY brought this database online. */
    public int recoveries(String database) {
        synchronized (state) {
            return state.recoveries.getOrDefault(SimulatedState.key(database), 0);
        }
    }

    /** How many times this backup set was restored into this database. */
    public int restores(String database, String backupSetGuid) {
        synchronized (state) {
            return state.backupSetsRestored.getOrDefault(SimulatedState.key(database + "/" + backupSetGuid), 0);
        }
    }

    // ---- TargetSqlServer

    @Override
    public String display() {
        return display;
    }

    @Override
    public ServerFacts facts() {
        synchronized (state) {
            return state.facts;
        }
    }

    @Override
    public Optional<DatabaseState> database(String name) {
        synchronized (state) {
            return Optional.ofNullable(state.database(name)).map(SimulatedDatabase::view);
        }
    }

    @Override
    public List<String> pathsInUse(List<String> physicalPaths) {
        synchronized (state) {
            return physicalPaths.stream().filter(p -> state.databaseUsing(p, null) != null).toList();
        }
    }

    @Override
    public long freeBytes(String folder) throws SqlServerFailure {
        synchronized (state) {
            return state.volumeOf(folder).orElseThrow(() -> new SqlServerFailure("free bytes of " + folder,
                    List.of(new SqlServerError(0, 16, "no volume that SQL Server reports holds " + folder)), null))
                    .freeBytes();
        }
    }

    @Override
    public boolean hasEncryptor(String thumbprint) {
        synchronized (state) {
            return state.encryptors.contains(thumbprint.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public List<BackupHeader> headerOnly(List<String> files) throws SqlServerFailure {
        String sql = TargetQueries.headerOnly(files);
        return read(sql, "RESTORE HEADERONLY is terminating abnormally.", () -> {
            SimulatedMediaSet media = SimulatedMedia.open(state, files, false);
            List<BackupHeader> headers = new ArrayList<>();
            for (int i = 0; i < media.backupSets.size(); i++) {
                headers.add(media.backupSets.get(i).header(i + 1));
            }
            return headers;
        });
    }

    @Override
    public List<BackupFile> fileListOnly(List<String> files, int position) throws SqlServerFailure {
        String sql = TargetQueries.fileListOnly(files, position);
        return read(sql, "RESTORE FILELIST is terminating abnormally.",
                () -> SimulatedMedia.backupSet(SimulatedMedia.open(state, files, false), position, files).files());
    }

    @Override
    public void verifyOnly(List<String> files, int position, boolean withChecksum) throws SqlServerFailure {
        String sql = TargetQueries.verifyOnly(files, position, withChecksum);
        read(sql, "VERIFY DATABASE is terminating abnormally.", () -> {
            SimulatedMediaSet media = SimulatedMedia.open(state, files, true);
            SimulatedBackup set = SimulatedMedia.backupSet(media, position, files);
            SimulatedMedia.checksumsPresent(set, withChecksum);
            if (media.damaged) {
                throw SimulatedRefusal.of(3189, "Damage to the backup set was detected.");
            }
            return null;
        });
    }

    @Override
    public Set<String> restoredSince(String database, Instant since) {
        synchronized (state) {
            SimulatedDatabase found = state.database(database);
            Set<String> guids = new TreeSet<>();
            if (found != null) {
                found.history.stream().filter(r -> !r.at().isBefore(since))
                        .forEach(r -> guids.add(r.backupSetGuid().toUpperCase(Locale.ROOT)));
            }
            return guids;
        }
    }

    @Override
    public Optional<byte[]> sqlLoginSid(String login) {
        synchronized (state) {
            return Optional.ofNullable(state.login(login)).map(l -> HexFormat.of().parseHex(l.sidHex()));
        }
    }

    @Override
    public List<DatabaseUser> users(String database) throws SqlServerFailure {
        return read(TargetQueries.users(database), null, () -> opened(database, 208, "Invalid object name '"
                + database + ".sys.database_principals'.").users.stream().map(state::viewOf).toList());
    }

    @Override
    public Optional<Instant> newestActivity(String database, String query) throws SqlServerFailure {
        return read(TargetQueries.inDatabase(database), null, () -> Optional.ofNullable(opened(database, 2812,
                "Could not find stored procedure '" + database + ".sys.sp_executesql'.").newestActivity));
    }

    @Override
    public void execute(TSqlStatement statement, IntConsumer progress) throws SqlServerFailure {
        executed.add(statement.shown());
        String trailer = trailerOf(statement.sql());
        SimulatedStep step;
        SimulatedPause pause;
        boolean loseReply;
        Integer stats;
        synchronized (state) {
            try {
                injectedFailure(statement.sql());
                SimulatedStatements.Command command = SimulatedStatements.parse(statement.sql());
                stats = command instanceof SimulatedStatements.Restore restore ? restore.stats() : null;
                step = plan(command);
            } catch (SimulatedRefusal refusal) {
                throw refusal.failure(statement.shown(), trailer);
            }
            pause = take(pauses, statement.sql());
            loseReply = take(lostReplies, statement.sql()) != null;
        }
        report(progress, stats, 0, 50);
        if (pause != null && !pause.hold()) {
            synchronized (state) {
                step.abort();
            }
            throw SimulatedRefusal.of(3204, "The backup or restore was aborted.").failure(statement.shown(), trailer);
        }
        synchronized (state) {
            step.apply();
        }
        report(progress, stats, 50, 100);
        if (loseReply) {
            throw new SqlServerFailure(statement.shown(), List.of(new SqlServerError(0, 20,
                    "Connection reset by peer (the statement ran; its reply was lost)")), null);
        }
    }

    private SimulatedStep plan(SimulatedStatements.Command command) throws SimulatedRefusal {
        if (command instanceof SimulatedStatements.Restore restore) {
            return restores.plan(restore);
        }
        if (command instanceof SimulatedStatements.Recover recover) {
            return restores.plan(recover);
        }
        if (command instanceof SimulatedStatements.CreateLogin create) {
            return security.plan(create);
        }
        if (command instanceof SimulatedStatements.AlterUser alter) {
            return security.plan(alter);
        }
        return security.plan((SimulatedStatements.CheckDb) command);
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws SimulatedRefusal;
    }

    private <T> T read(String sql, String trailer, Read<T> read) throws SqlServerFailure {
        reads.add(sql);
        synchronized (state) {
            try {
                injectedFailure(sql);
                return read.read();
            } catch (SimulatedRefusal refusal) {
                throw refusal.failure(sql, trailer);
            }
        }
    }

    private SimulatedDatabase opened(String database, int missingNumber, String missingMessage)
            throws SimulatedRefusal {
        SimulatedDatabase found = state.database(database);
        if (found == null) {
            throw SimulatedRefusal.of(missingNumber, missingMessage);
        }
        SimulatedSecurity.opened(found);
        return found;
    }

    private void injectedFailure(String sql) throws SimulatedRefusal {
        SimulatedRefusal failure = take(failures, sql);
        if (failure != null) {
            throw failure;
        }
    }

    private static <T> T take(Map<String, T> injections, String sql) {
        for (String prefix : List.copyOf(injections.keySet())) {
            if (sql.startsWith(prefix)) {
                return injections.remove(prefix);
            }
        }
        return null;
    }

    /** STATS = n: a message at every n percent, as 3211 "n percent processed." arrives from the server. */
    private static void report(IntConsumer progress, Integer stats, int above, int upTo) {
        if (stats == null || stats <= 0) {
            return;
        }
        for (int percent = stats; percent <= 100; percent += stats) {
            if (percent > above && percent <= upTo) {
                progress.accept(percent);
            }
        }
    }

    private static String trailerOf(String sql) {
        String upper = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (upper.startsWith("RESTORE LOG")) {
            return "RESTORE LOG is terminating abnormally.";
        }
        if (upper.startsWith("RESTORE DATABASE")) {
            return "RESTORE DATABASE is terminating abnormally.";
        }
        return null;
    }
}
