package io.wfdr.snapshot.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.host.HostCommandFailure;
import io.wfdr.snapshot.nbd.NbdConnection;

/**
 * qemu-nbd serving one qcow2 image for writing over a unix socket, so wfdr can put exactly the changed blocks into
 * an overlay with QEMU's own qcow2 code. It serves one client: when that client disconnects, qemu-nbd writes its
 * metadata, closes the image and exits — {@link #close()} waits for that before the image may be used.
 */
public final class QemuNbd implements AutoCloseable {

    public static final String EXPORT = "wfdr";

    private final Process process;
    private final HostCommand command;
    private final Path socket;
    private final Path log;
    private final Duration timeout;

    private QemuNbd(Process process, HostCommand command, Path socket, Path log, Duration timeout) {
        this.process = process;
        this.command = command;
        this.socket = socket;
        this.log = log;
        this.timeout = timeout;
    }

    public static HostCommand serveCommand(String program, Path image, Path socket) {
        return HostCommand.of(program, "--format=qcow2", "--socket=" + socket, "--export-name=" + EXPORT,
                "--cache=writeback", image.toString());
    }

    public static QemuNbd serve(String program, Path image, Path socket, Duration timeout) {
        HostCommand command = serveCommand(program, image, socket);
        try {
            Files.deleteIfExists(socket);
            Path log = Files.createTempFile("wfdr-qemu-nbd", ".log");
            Process process = new ProcessBuilder(command.argv()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            QemuNbd server = new QemuNbd(process, command, socket, log, timeout);
            server.awaitSocket();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.display(), e);
        }
    }

    private void awaitSocket() throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.exists(socket)) {
            if (!process.isAlive()) {
                throw new HostCommandFailure(command, process.exitValue(), printed());
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new HostCommandFailure(command, -1, "no socket within " + timeout);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    /**
     * Connects as its one client. The socket's file appears when qemu-nbd binds it, a moment before it listens: a
     * refused connection (never accepted, so not its client) is tried again until the time limit.
     */
    public NbdConnection connect() throws IOException {
        return connect(List.of());
    }

    /** @param metaContexts the block status contexts to ask for */
    public NbdConnection connect(List<String> metaContexts) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return NbdConnection.open(socket, EXPORT, metaContexts);
            } catch (java.net.ConnectException refused) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    throw refused;
                }
                LockSupport.parkNanos(2_000_000);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new HostCommandFailure(command, -1, "did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new HostCommandFailure(command, process.exitValue(), printed());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new HostCommandFailure(command, -1, "interrupted");
        } finally {
            try {
                Files.deleteIfExists(log);
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // temporary files only
            }
        }
    }

    private String printed() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
