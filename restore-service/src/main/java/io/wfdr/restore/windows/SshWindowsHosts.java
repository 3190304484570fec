package io.wfdr.restore.windows;

import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

import io.wfdr.restore.config.WindowsConfig;
import io.wfdr.spine.secrets.SecretResolver;

/**
 * Opens Windows hosts over OpenSSH with one shared MINA client, started on first use (a restore service that never
 * drives Windows opens no SSH machinery) and stopped with the application.
 */
@ApplicationScoped
public class SshWindowsHosts implements WindowsHosts {

    private final SecretResolver secrets;
    private final WindowsConfig config;
    private SshClient client;

    @Inject
    SshWindowsHosts(SecretResolver secrets, WindowsConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public WindowsHost open(WindowsTarget target) {
        check(target);
        return new SshWindowsHost(target, this::client, secrets, config);
    }

    synchronized SshClient client() {
        if (client == null) {
            SshClient created = SshClient.setUpDefaultClient();
            // Only what the target says: no ~/.ssh/config rewriting host or user, no local keys offered,
            // password authentication alone, every host key checked against the target's pin.
            created.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            created.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            created.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            created.setServerKeyVerifier(new PinnedHostKey());
            created.start();
            client = created;
        }
        return client;
    }

    @PreDestroy
    synchronized void stop() {
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    private static void check(WindowsTarget target) {
        if (target.host() == null || target.host().isBlank()) {
            throw new IllegalArgumentException("a Windows target needs a host");
        }
        if (target.port() < 1 || target.port() > 65535) {
            throw new IllegalArgumentException("the port of " + target.host() + " must be 1 to 65535");
        }
        if (target.user() == null || target.user().isBlank()) {
            throw new IllegalArgumentException("a Windows target needs the account to log on with");
        }
        if (target.hostKeyFingerprint() == null || !target.hostKeyFingerprint().startsWith("SHA256:")) {
            throw new IllegalArgumentException("the host key of " + target.display()
                    + " must be pinned as OpenSSH prints it (SHA256:...)");
        }
    }
}
