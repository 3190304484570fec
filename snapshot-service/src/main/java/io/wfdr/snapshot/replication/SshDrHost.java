package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.future.CancelOption;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClientFactory;

import io.wfdr.spine.secrets.SecretResolver;

/**
 * The DR VM host reached over SSH with one MINA client, started on first use and stopped with the store. Each
 * {@link #open} is a new connection: the password is resolved from its secret reference (or the key file read) only
 * then, so a rotated secret is picked up and none is held between shipments.
 */
final class SshDrHost implements AutoCloseable {

    /** A connect or logon not done in time is cancelled, so no session completes later, unseen and unclosed. */
    private static final CancelOption[] GIVE_UP = {CancelOption.CANCEL_ON_TIMEOUT, CancelOption.CANCEL_ON_INTERRUPT};

    private final SshReplicaTarget target;
    private final SecretResolver secrets;
    private final Duration connectTimeout;
    private final Duration commandTimeout;
    private SshClient client;

    SshDrHost(SshReplicaTarget target, SecretResolver secrets, Duration connectTimeout, Duration commandTimeout) {
        this.target = target;
        this.secrets = secrets;
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
    }

    DrHostSession open() throws IOException {
        HostKeyPin pin = new HostKeyPin(target.hostKeyFingerprint());
        ClientSession session;
        try {
            session = client().connect(target.user(), target.host(), target.port(), pin.asContext(), null)
                    .verify(connectTimeout, GIVE_UP).getSession();
        } catch (IOException e) {
            throw new IOException(display() + " cannot be reached within " + connectTimeout + " (" + e.getMessage()
                    + ")", e);
        }
        try {
            identify(session);
            logOn(session, pin);
            return new DrHostSession(session, SftpClientFactory.instance().createSftpClient(session), display(),
                    commandTimeout);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    String display() {
        return target.display();
    }

    private void identify(ClientSession session) throws IOException {
        if (target.privateKey() == null) {
            session.addPasswordIdentity(password());
            return;
        }
        try (InputStream in = Files.newInputStream(target.privateKey())) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session,
                    NamedResource.ofName(target.privateKey().toString()), in, null);
            if (keys == null || !keys.iterator().hasNext()) {
                throw new IOException("the key file " + target.privateKey() + " holds no private key");
            }
            keys.forEach(session::addPublicKeyIdentity);
        } catch (GeneralSecurityException e) {
            throw new IOException("the key file " + target.privateKey() + " cannot be read as a private key ("
                    + e.getMessage() + ")", e);
        }
    }

    private String password() throws IOException {
        try {
            return secrets.resolve(target.passwordRef());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The resolver's messages name the reference, never the value.
            throw new IOException("the password of " + display() + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    private void logOn(ClientSession session, HostKeyPin pin) throws IOException {
        try {
            session.auth().verify(connectTimeout, GIVE_UP);
        } catch (IOException e) {
            String refused = pin.refused();
            if (refused != null) {
                throw new IOException(display() + " offered the host key " + refused + ", not the pinned "
                        + pin.expected() + "; the connection was refused", e);
            }
            throw new IOException(display() + " refused the logon of " + target.user() + " or did not answer within "
                    + connectTimeout, e);
        }
    }

    private synchronized SshClient client() {
        if (client == null) {
            SshClient created = SshClient.setUpDefaultClient();
            // Only what the target says: no ~/.ssh/config rewriting host or user, no local keys offered, the one
            // way of logging on the target names, the host key checked against its pin.
            created.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            created.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            created.setUserAuthFactories(List.of(target.privateKey() == null ? UserAuthPasswordFactory.INSTANCE
                    : UserAuthPublicKeyFactory.INSTANCE));
            created.setServerKeyVerifier(HostKeyPin.VERIFIER);
            created.start();
            client = created;
        }
        return client;
    }

    @Override
    public synchronized void close() throws IOException {
        if (client != null) {
            client.stop();
            client = null;
        }
    }
}
