package io.wfdr.snapshot.replication;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.wfdr.spine.contract.FileHash;
import io.wfdr.spine.secrets.SecretResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DR datastore over a real SSH connection on loopback ({@link DrSshServer}: SFTP, and the DR end's own
 * coreutils through real processes); the host key is pinned, the logon by a key file or a password resolved from
 * its secret reference.
 */
class SshReplicaStoreTest extends ReplicaStoreContract {

    private static final String PASSWORD = "Dr-h0st 'pass' ";
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration COMMAND = Duration.ofSeconds(60);

    @TempDir
    static Path serverFolder;

    private static DrSshServer server;
    private static Path keyFile;

    private SshReplicaStore store;

    @BeforeAll
    static void theDrHost() throws Exception {
        keyFile = serverFolder.resolve("id_ecdsa");
        KeyPair clientKey = DrSshServer.clientKey(keyFile);
        server = DrSshServer.start(serverFolder, PASSWORD, clientKey.getPublic());
    }

    @AfterAll
    static void stopTheDrHost() throws IOException {
        server.close();
    }

    @BeforeEach
    void aStoreLoggingOnWithItsKey() throws Exception {
        store = new SshReplicaStore(SshReplicaTarget.withKey("127.0.0.1", server.port(), DrSshServer.USER,
                drFolder.toString(), server.fingerprint(), keyFile), noSecrets(), CONNECT, COMMAND, "qemu-img");
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    @Override
    ReplicaStore store() {
        return store;
    }

    @Override
    void interruptNextShipmentAfter(long bytes) {
        server.cutTheConnectionOnceAPartialHolds(bytes);
    }

    @Override
    void anotherWriterTakesTheNameDuringTheNextShipment(Path replica, byte[] bytes) {
        server.writeOnceAPartialIsWritten(replica, bytes);
    }

    @Override
    void corruptNextShipmentAtTheDrEnd() {
        server.corruptTheNextWriteToAPartial();
    }

    @Override
    void awaitInterruptionSettled() {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.activeSessions() == 0);
    }

    @Test
    void aPasswordIsResolvedFromItsSecretReferenceWhenTheConnectionLogsOn() throws Exception {
        Path full = sourceFile("web08-full.qcow2", 200 * 1024);
        SecretResolver secrets = SecretResolver.of(List.of("WFDR_SECRET_"), List.of(), serverFolder,
                Map.of("WFDR_SECRET_DR_HOST", PASSWORD, "WFDR_SECRET_WRONG", PASSWORD + "x"));
        try (SshReplicaStore withPassword = passwordStore(secrets, "env:WFDR_SECRET_DR_HOST");
                SshReplicaStore wrong = passwordStore(secrets, "env:WFDR_SECRET_WRONG")) {
            assertEquals(FileHash.sha256(full), withPassword.ship(full, "web08-full.qcow2").sha256());
            IOException refused = assertThrows(IOException.class, () -> wrong.sha256("web08-full.qcow2"));
            assertTrue(refused.getMessage().contains("refused the logon of " + DrSshServer.USER),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains(PASSWORD.strip()), "no password in a message");
        }
    }

    @Test
    void aDrHostOfferingAnotherHostKeyThanThePinnedOneIsRefused() throws Exception {
        Path full = sourceFile("web09-full.qcow2", 100 * 1024);
        String otherKey = DrSshServer.fingerprintOf(DrSshServer.clientKey(serverFolder.resolve("other")).getPublic());
        try (SshReplicaStore impostor = new SshReplicaStore(SshReplicaTarget.withKey("127.0.0.1", server.port(),
                DrSshServer.USER, drFolder.toString(), otherKey, keyFile), noSecrets(), CONNECT, COMMAND, "qemu-img")) {
            IOException refused = assertThrows(IOException.class, () -> impostor.ship(full, "web09-full.qcow2"));
            assertTrue(refused.getMessage().contains("offered the host key " + server.fingerprint()
                    + ", not the pinned " + otherKey), refused.getMessage());
        }
        try (var left = Files.list(drFolder)) {
            assertEquals(0, left.count(), "nothing reached the DR datastore");
        }
    }

    private SshReplicaStore passwordStore(SecretResolver secrets, String reference) throws Exception {
        return new SshReplicaStore(SshReplicaTarget.withPassword("127.0.0.1", server.port(), DrSshServer.USER,
                drFolder.toString(), server.fingerprint(), reference), secrets, CONNECT, COMMAND, "qemu-img");
    }

    private static SecretResolver noSecrets() {
        return SecretResolver.of(List.of("WFDR_SECRET_"), List.of(), Path.of("/nonexistent"), Map.of());
    }
}
