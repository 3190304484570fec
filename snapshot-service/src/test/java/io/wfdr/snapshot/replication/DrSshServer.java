package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server on 127.0.0.1 standing in for the DR VM host: SFTP on this machine's file system, and exec
 * requests run as real processes by {@code /bin/sh -c}, as OpenSSH runs them, so the DR end's hashes, flushes and
 * links are this machine's coreutils. It can fail a shipment the way a network or a disk does: the connection cut
 * once a partial file holds enough bytes, or a byte changed after the storage accepted it.
 */
public final class DrSshServer implements AutoCloseable {

    public static final String USER = "wfdr-replica";

    private final SshServer server;
    private final PublicKey hostKey;
    private final AtomicLong cutAfter = new AtomicLong(-1);
    private final AtomicBoolean corruptNext = new AtomicBoolean();
    private final AtomicReference<Runnable> meanwhile = new AtomicReference<>();

    private DrSshServer(SshServer server, PublicKey hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /** Accepts {@link #USER} with {@code password} or with the key whose public half is {@code clientKey}. */
    public static DrSshServer start(Path folder, String password, PublicKey clientKey) throws IOException {
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(folder.resolve("host-key.ser"));
        KeyPair hostKey = keys.loadKeys(null).iterator().next();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, offered, session) -> USER.equals(user) && password.equals(offered));
        server.setPublickeyAuthenticator((user, offered, session) -> USER.equals(user)
                && KeyUtils.compareKeys(clientKey, offered));
        server.setFileSystemFactory(new NativeFileSystemFactory());
        server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        DrSshServer dr = new DrSshServer(server, hostKey.getPublic());
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(dr.faults());
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        return dr;
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint computed as OpenSSH does, independently of the code under test. */
    public String fingerprint() throws GeneralSecurityException {
        return fingerprintOf(hostKey);
    }

    static String fingerprintOf(PublicKey key) throws GeneralSecurityException {
        String blob = PublicKeyEntry.toString(key).split(" ")[1];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(blob));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    /** Closes the connection that writes a partial file as soon as the file holds at least {@code bytes} bytes. */
    void cutTheConnectionOnceAPartialHolds(long bytes) {
        cutAfter.set(bytes);
    }

    /** Changes the first byte of the next write to a partial file after the storage accepted it. */
    void corruptTheNextWriteToAPartial() {
        corruptNext.set(true);
    }

    /** Another writer on the DR host: puts {@code bytes} in {@code file} once a partial file is written to. */
    void writeOnceAPartialIsWritten(Path file, byte[] bytes) {
        meanwhile.set(() -> {
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    int activeSessions() {
        return server.getActiveSessions().size();
    }

    /** A key pair for the client, and its private half as an OpenSSH key file. */
    public static KeyPair clientKey(Path keyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "wfdr-test", null, out);
        }
        return pair;
    }

    private SftpEventListener faults() {
        return new SftpEventListener() {
            @Override
            public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                    byte[] data, int dataOffset, int dataLen, Throwable thrown) throws IOException {
                String name = localHandle.getFile().getFileName().toString();
                if (!name.endsWith(".partial") || name.contains(".manifest.json")) {
                    return;
                }
                Runnable other = meanwhile.getAndSet(null);
                if (other != null) {
                    other.run();
                }
                if (corruptNext.compareAndSet(true, false)) {
                    flipByte(localHandle.getFile(), offset);
                }
                long threshold = cutAfter.get();
                if (threshold >= 0 && offset + dataLen >= threshold && cutAfter.compareAndSet(threshold, -1)) {
                    session.close(true);
                }
            }
        };
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x01)).rewind();
            channel.write(one, position);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
