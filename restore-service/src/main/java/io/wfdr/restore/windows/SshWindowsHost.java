package io.wfdr.restore.windows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.future.CancelOption;
import org.jboss.logging.Logger;

import io.wfdr.restore.config.WindowsConfig;
import io.wfdr.spine.secrets.SecretResolver;

/**
 * One Windows server reached over OpenSSH. Each script gets its own connection: the password is resolved from its
 * secret reference only then (a rotated secret is picked up, none is held between steps), and a runbook step that
 * waits for hours between scripts holds no idle session a firewall could cut.
 */
final class SshWindowsHost implements WindowsHost {

    private static final Logger LOG = Logger.getLogger(SshWindowsHost.class);
    /** A connect or logon not done in time is cancelled, so no session completes later, unseen and unclosed. */
    private static final CancelOption[] GIVE_UP = {CancelOption.CANCEL_ON_TIMEOUT, CancelOption.CANCEL_ON_INTERRUPT};

    private final WindowsTarget target;
    private final Supplier<SshClient> client;
    private final SecretResolver secrets;
    private final WindowsConfig config;

    SshWindowsHost(WindowsTarget target, Supplier<SshClient> client, SecretResolver secrets, WindowsConfig config) {
        this.target = target;
        this.client = client;
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String display() {
        return target.display();
    }

    @Override
    public PowerShellResult run(PowerShellScript script) throws WindowsHostFailure {
        String command = commandLine(script);
        LOG.debugf("running \"%s\" on %s in %s", script.purpose(), display(), PowerShellCommand.executable(script));
        PinnedHostKey.Pin pin = new PinnedHostKey.Pin(target.hostKeyFingerprint());
        try (ClientSession session = connect(pin)) {
            logOn(session, pin);
            return execute(session, command, script);
        } catch (IOException e) {
            throw new WindowsHostFailure(display() + ": the SSH connection failed (" + e.getMessage() + ")", e);
        }
    }

    private String commandLine(PowerShellScript script) throws WindowsHostFailure {
        try {
            return PowerShellCommand.of(script);
        } catch (IllegalArgumentException e) {
            throw new WindowsHostFailure(display() + ": " + e.getMessage(), e);
        }
    }

    private ClientSession connect(PinnedHostKey.Pin pin) throws WindowsHostFailure {
        Duration timeout = config.connectTimeout();
        try {
            return client.get().connect(target.user(), target.host(), target.port(), pin.asContext(), null)
                    .verify(timeout, GIVE_UP).getSession();
        } catch (IOException e) {
            throw new WindowsHostFailure(display() + " cannot be reached within " + timeout + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private void logOn(ClientSession session, PinnedHostKey.Pin pin) throws WindowsHostFailure {
        session.addPasswordIdentity(password());
        try {
            session.auth().verify(config.authTimeout(), GIVE_UP);
        } catch (IOException e) {
            throw logOnFailure(pin, e);
        }
    }

    private String password() throws WindowsHostFailure {
        try {
            return secrets.resolve(target.secretRef());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The resolver's messages name the reference, never the value.
            throw new WindowsHostFailure("the password for " + target.user() + "@" + display()
                    + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    private WindowsHostFailure logOnFailure(PinnedHostKey.Pin pin, IOException e) {
        String refused = pin.refused();
        if (refused != null) {
            return new WindowsHostFailure(display() + " offered the host key " + refused
                    + ", not the pinned " + pin.expected() + "; the connection was refused", e);
        }
        return new WindowsHostFailure(display() + " refused the logon of " + target.user()
                + " (wrong password, locked account, or not allowed to log on over SSH) or did not answer within "
                + config.authTimeout(), e);
    }

    private PowerShellResult execute(ClientSession session, String command, PowerShellScript script)
            throws IOException, WindowsHostFailure {
        try (ChannelExec channel = session.createExecChannel(command)) {
            BoundedOutput stdout = new BoundedOutput(config.outputLimit());
            BoundedOutput stderr = new BoundedOutput(config.outputLimit());
            channel.setOut(stdout);
            channel.setErr(stderr);
            channel.open().verify(config.connectTimeout());
            writeStdin(channel, script.stdin());
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), script.timeout());
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                channel.close(true);
                throw new WindowsHostFailure("\"" + script.purpose() + "\" on " + display() + " did not end within "
                        + script.timeout() + "; its channel was closed");
            }
            Integer exit = channel.getExitStatus();
            if (exit == null) {
                throw new WindowsHostFailure("\"" + script.purpose() + "\" on " + display()
                        + " ended without an exit status" + signal(channel));
            }
            return new PowerShellResult(exit, stdout.text(), stderr.text());
        }
    }

    /** Writes the secret, if any, then ends standard input, so a script reading it (or PowerShell) never waits. */
    private static void writeStdin(ChannelExec channel, String stdin) throws IOException {
        try (OutputStream in = channel.getInvertedIn()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String signal(ChannelExec channel) {
        String signal = channel.getExitSignal();
        return signal == null ? "" : " (signal " + signal + ")";
    }
}
