package io.wfdr.restore.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import io.wfdr.restore.sqlserver.BackupFile;
import io.wfdr.restore.sqlserver.BackupHeader;
import io.wfdr.restore.sqlserver.DatabaseState;
import io.wfdr.restore.sqlserver.DatabaseUser;
import io.wfdr.restore.sqlserver.ServerFacts;
import io.wfdr.restore.sqlserver.SimulatedSqlServer;
import io.wfdr.restore.sqlserver.TSqlStatement;
import io.wfdr.restore.sqlserver.TargetSqlServer;
import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * One simulated DR SQL Server whose disks are a file: every call reads what the server holds from
 * {@code <HOST>.json}, and every statement writes it back (atomically) before its reply, so the server outlives a
 * process killed at any moment — and several processes share one server, as restore-service instances share the
 * real one (a file lock and a monitor make each call one at a time). Around every statement are two stop points,
 * {@code <HOST>.sql-<n>-before} and {@code <HOST>.sql-<n>-after}, n counting the statements the server has run
 * (refused ones too): a statement stopped before it reached the server leaves n where it was.
 */
final class PersistedSqlServer implements TargetSqlServer {

    private final String host;
    private final Path file;
    private final Path lockFile;
    private final StopPoints stops;
    private final Clock clock;
    private final ReentrantLock inProcess = new ReentrantLock();

    PersistedSqlServer(String host, Path folder, StopPoints stops, Clock clock) {
        this.host = host;
        this.file = file(folder, host);
        this.lockFile = folder.resolve(host + ".lock");
        this.stops = stops;
        this.clock = clock;
    }

    /** Where the server of this host name keeps what it holds. */
    static Path file(Path folder, String host) {
        return folder.resolve(host + ".json");
    }

    @Override
    public String display() {
        return host;
    }

    @Override
    public ServerFacts facts() throws SqlServerFailure {
        return read(SimulatedSqlServer::facts);
    }

    @Override
    public Optional<DatabaseState> database(String name) throws SqlServerFailure {
        return read(server -> server.database(name));
    }

    @Override
    public List<String> pathsInUse(List<String> physicalPaths) throws SqlServerFailure {
        return read(server -> server.pathsInUse(physicalPaths));
    }

    @Override
    public long freeBytes(String folder) throws SqlServerFailure {
        return read(server -> server.freeBytes(folder));
    }

    @Override
    public boolean hasEncryptor(String thumbprint) throws SqlServerFailure {
        return read(server -> server.hasEncryptor(thumbprint));
    }

    @Override
    public List<BackupHeader> headerOnly(List<String> files) throws SqlServerFailure {
        return read(server -> server.headerOnly(files));
    }

    @Override
    public List<BackupFile> fileListOnly(List<String> files, int position) throws SqlServerFailure {
        return read(server -> server.fileListOnly(files, position));
    }

    @Override
    public void verifyOnly(List<String> files, int position, boolean withChecksum) throws SqlServerFailure {
        read(server -> {
            server.verifyOnly(files, position, withChecksum);
            return null;
        });
    }

    @Override
    public Set<String> restoredSince(String database, Instant since) throws SqlServerFailure {
        return read(server -> server.restoredSince(database, since));
    }

    @Override
    public Optional<byte[]> sqlLoginSid(String login) throws SqlServerFailure {
        return read(server -> server.sqlLoginSid(login));
    }

    @Override
    public List<DatabaseUser> users(String database) throws SqlServerFailure {
        return read(server -> server.users(database));
    }

    @Override
    public Optional<Instant> newestActivity(String database, String query) throws SqlServerFailure {
        return read(server -> server.newestActivity(database, query));
    }

    @Override
    public void execute(TSqlStatement statement, IntConsumer progress) throws SqlServerFailure {
        while (true) {
            int number = read(server -> server.executed().size()) + 1;
            stops.reach(host + ".sql-" + number + "-before", statement.shown());
            SqlServerFailure refused = null;
            inProcess.lock();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                SimulatedSqlServer server = load();
                if (server.executed().size() + 1 != number) {
                    continue; // another process ran a statement on this server meanwhile: this one is the next
                }
                try {
                    server.execute(statement, progress);
                } catch (SqlServerFailure e) {
                    refused = e;
                }
                server.saveTo(file);
            } catch (IOException e) {
                throw new UncheckedIOException("the disks of " + host + " (" + file + ")", e);
            } finally {
                inProcess.unlock();
            }
            stops.reach(host + ".sql-" + number + "-after", statement.shown()
                    + (refused == null ? "" : " — refused: " + refused.getMessage()));
            if (refused != null) {
                throw refused;
            }
            return;
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(SimulatedSqlServer server) throws SqlServerFailure;
    }

    private <T> T read(Call<T> call) throws SqlServerFailure {
        inProcess.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return call.on(load());
        } catch (IOException e) {
            throw new UncheckedIOException("the disks of " + host + " (" + file + ")", e);
        } finally {
            inProcess.unlock();
        }
    }

    private SimulatedSqlServer load() throws IOException, SqlServerFailure {
        if (!Files.exists(file)) {
            throw new SqlServerFailure("connect to " + host, List.of(new SqlServerError(0, 20, "The TCP/IP "
                    + "connection to the host " + host + ", port 1433 has failed: no such server")), null);
        }
        return SimulatedSqlServer.loadFrom(file, host, clock);
    }
}
