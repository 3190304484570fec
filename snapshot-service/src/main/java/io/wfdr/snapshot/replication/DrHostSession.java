package io.wfdr.snapshot.replication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * One logged-on connection to the DR host: SFTP for the bytes, exec channels for what the DR end computes itself
 * (hashes, flushes, links). Closing it closes the connection.
 */
final class DrHostSession implements AutoCloseable {

    private static final int STDERR_KEPT = 4096;

    private final ClientSession session;
    private final SftpClient sftp;
    private final String display;
    private final Duration commandTimeout;

    DrHostSession(ClientSession session, SftpClient sftp, String display, Duration commandTimeout) {
        this.session = session;
        this.sftp = sftp;
        this.display = display;
        this.commandTimeout = commandTimeout;
    }

    /** The size of a file at the DR end; empty if there is none. */
    Optional<Long> size(String path) throws IOException {
        try {
            return Optional.of(sftp.stat(path).getSize());
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates the file if it is missing and cuts it to {@code size} bytes. */
    void cut(String path, long size) throws IOException {
        try (SftpClient.CloseableHandle handle = sftp.open(path, OpenMode.Write, OpenMode.Create)) {
            sftp.setStat(handle, new SftpClient.Attributes().size(size));
        }
    }

    /** Writes into an existing file from {@code offset} on, many writes in flight. */
    OutputStream writeFrom(String path, long offset) throws IOException {
        OutputStream out = sftp.write(path, SftpClient.IO_BUFFER_SIZE, EnumSet.of(OpenMode.Write));
        if (!(out instanceof SftpOutputStreamAsync positioned)) {
            out.close();
            throw new IOException("this SFTP client cannot write from an offset");
        }
        positioned.setOffset(offset);
        return positioned;
    }

    /** Replaces (or creates) a small file with these bytes. */
    void write(String path, byte[] bytes) throws IOException {
        try (OutputStream out = sftp.write(path, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
            out.write(bytes);
        }
    }

    Optional<String> readText(String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The names in a folder of the DR host; none if it does not exist yet. */
    List<String> list(String folder) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
                names.add(entry.getFilename());
            }
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
        return names;
    }

    /** Runs a command line on the DR host and returns what it printed; a non-zero exit is an exception. */
    String run(String commandLine) throws IOException {
        Exit exit = execute(commandLine);
        if (exit.status() != 0) {
            throw new IOException("on " + display + ", " + commandLine + " exited " + exit.status() + ": "
                    + exit.stderr().strip());
        }
        return exit.stdout();
    }

    record Exit(int status, String stdout, String stderr) {
    }

    Exit execute(String commandLine) throws IOException {
        try (ChannelExec channel = session.createExecChannel(commandLine)) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            channel.setOut(stdout);
            channel.setErr(stderr);
            channel.open().verify(commandTimeout);
            channel.getInvertedIn().close();
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), commandTimeout);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                channel.close(true);
                throw new IOException("on " + display + ", " + commandLine + " did not end within " + commandTimeout);
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw new IOException("on " + display + ", " + commandLine + " ended without an exit status");
            }
            String err = stderr.toString(StandardCharsets.UTF_8);
            return new Exit(status, stdout.toString(StandardCharsets.UTF_8),
                    err.length() > STDERR_KEPT ? err.substring(0, STDERR_KEPT) : err);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
        } finally {
            session.close(false);
        }
    }
}
