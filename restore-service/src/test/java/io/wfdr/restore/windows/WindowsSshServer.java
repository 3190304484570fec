package io.wfdr.restore.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A real SSH server on 127.0.0.1 standing in for a Windows server's OpenSSH: it takes the exec request as Windows
 * would hand it to cmd.exe, accepts only {@code <powershell> <options> -EncodedCommand <base64 UTF-16LE>}, decodes
 * the script and gives it, with its standard input, to {@link FakeWindows}.
 */
public final class WindowsSshServer implements AutoCloseable {

    public static final String USER = "wfdr-svc";
    static final String OPTIONS = " -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ";

    private final SshServer server;
    private final PublicKey hostKey;

    private WindowsSshServer(SshServer server, PublicKey hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    public static WindowsSshServer start(Path folder, String password, FakeWindows windows) throws Exception {
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(folder.resolve("host-key.ser"));
        KeyPair hostKey = keys.loadKeys(null).get(0);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, offered, session) -> USER.equals(user) && password.equals(offered));
        server.setCommandFactory((channel, command) -> new PowerShellProcess(command, windows));
        server.start();
        return new WindowsSshServer(server, hostKey.getPublic());
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint computed as OpenSSH does, independently of the code under test. */
    public String fingerprint() throws NoSuchAlgorithmException {
        String blob = PublicKeyEntry.toString(hostKey).split(" ")[1];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(blob));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }

    public WindowsTarget target(String secretRef) throws NoSuchAlgorithmException {
        return new WindowsTarget("127.0.0.1", port(), USER, secretRef, fingerprint());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** One powershell.exe started by the exec request. */
    private static final class PowerShellProcess implements Command {
        private final String commandLine;
        private final FakeWindows windows;
        private final CountDownLatch closed = new CountDownLatch(1);
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        PowerShellProcess(String commandLine, FakeWindows windows) {
            this.commandLine = commandLine;
            this.windows = windows;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread thread = new Thread(this::run, "fake-powershell");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                String stdin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                FakeWindows.Reply reply = reply(stdin);
                out.write(reply.stdout().getBytes(StandardCharsets.UTF_8));
                out.flush();
                err.write(reply.stderr().getBytes(StandardCharsets.UTF_8));
                err.flush();
                exit.onExit(reply.exit());
            } catch (IOException e) {
                exit.onExit(255, e.toString());
            }
        }

        private FakeWindows.Reply reply(String stdin) {
            String executable;
            String rest;
            if (commandLine.startsWith("\"")) {
                int end = commandLine.indexOf('"', 1);
                executable = commandLine.substring(1, end);
                rest = commandLine.substring(end + 1);
            } else {
                int space = commandLine.indexOf(' ');
                executable = space < 0 ? commandLine : commandLine.substring(0, space);
                rest = space < 0 ? "" : commandLine.substring(space);
            }
            if (!executable.equalsIgnoreCase("powershell.exe")
                    && !executable.equalsIgnoreCase(PowerShellCommand.POWERSHELL_32)) {
                return new FakeWindows.Reply(9009, "", "'" + executable
                        + "' is not recognized as an internal or external command");
            }
            if (!rest.startsWith(OPTIONS)) {
                return new FakeWindows.Reply(1, "", "unexpected PowerShell options: " + rest);
            }
            String script = new String(Base64.getDecoder().decode(rest.substring(OPTIONS.length())),
                    StandardCharsets.UTF_16LE);
            return windows.run(new FakeWindows.Received(commandLine, executable, script, stdin), closed);
        }

        @Override
        public void destroy(ChannelSession channel) {
            closed.countDown();
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }
    }
}
