package io.wfdr.restore.windows;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against a real SSH server standing in for a Windows server's OpenSSH. */
class SshWindowsHostTest {

    private static final String PASSWORD = "Wind0ws-'$pass`\"ü";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path folder;

    private final FakeWindows windows = new FakeWindows();
    private final Map<String, String> environment = new ConcurrentHashMap<>();
    private WindowsSshServer server;
    private SshWindowsHosts hosts;

    @BeforeEach
    void start() throws Exception {
        server = WindowsSshServer.start(folder, PASSWORD, windows);
        environment.put(WindowsTesting.SECRET_VARIABLE, PASSWORD);
        hosts = new SshWindowsHosts(WindowsTesting.secrets(environment, folder), WindowsTesting.config(1000));
    }

    @AfterEach
    void stop() throws Exception {
        hosts.stop();
        server.close();
    }

    private WindowsHost host() throws Exception {
        return hosts.open(server.target(WindowsTesting.SECRET_REF));
    }

    private WindowsTarget pinned(int port, String fingerprint) {
        return new WindowsTarget("127.0.0.1", port, WindowsSshServer.USER, WindowsTesting.SECRET_REF, fingerprint);
    }

    private static PowerShellScript script(String text, String stdin, boolean x86, Duration timeout) {
        return new PowerShellScript("a test script", text, stdin, x86, timeout);
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected \"" + expected + "\" in: " + actual);
    }

    @Test
    void theStandardInputIsWrittenAndClosedAndStdoutComesBack() throws Exception {
        PowerShellResult result = host().run(script("# test:echo-stdin\n", "zeile ü €\n", false, MINUTE));

        assertEquals(0, result.exitCode());
        assertEquals("zeile ü €\n", result.stdout());
    }

    @Test
    void theExitCodeAndBothStreamsComeBack() throws Exception {
        PowerShellResult result = host().run(script("# test:fail\n", null, false, MINUTE));

        assertFalse(result.succeeded());
        assertEquals(3, result.exitCode());
        assertEquals("out", result.stdout());
        assertEquals("Write-Error: fehlgeschlagen ü", result.stderr());
    }

    @Test
    void aSixtyFourBitScriptRunsInPowerShellEncodedAndAThirtyTwoBitOneInSysWow64() throws Exception {
        String text = "# test:echo-stdin\n$value = 'it''s ü'\n";
        host().run(script(text, null, false, MINUTE));
        host().run(script(text, null, true, MINUTE));

        assertEquals(List.of("powershell.exe", "C:\\Windows\\SysWOW64\\WindowsPowerShell\\v1.0\\powershell.exe"),
                windows.received.stream().map(FakeWindows.Received::powershell).toList());
        assertEquals(List.of(text, text), windows.received.stream().map(FakeWindows.Received::script).toList());
        assertEquals("powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand "
                + PowerShellCommand.encode(text), windows.received.get(0).commandLine());
    }

    @Test
    void aHostOfferingAnotherKeyIsRefused() throws Exception {
        String other = "SHA256:" + "A".repeat(43);

        WindowsHostFailure failure = assertThrows(WindowsHostFailure.class,
                () -> hosts.open(pinned(server.port(), other)).run(script("# test:echo-stdin\n", null, false, MINUTE)));

        assertContains("offered the host key " + server.fingerprint(), failure.getMessage());
        assertContains("not the pinned " + other, failure.getMessage());
        assertTrue(windows.received.isEmpty());
    }

    @Test
    void theFingerprintIsPinnedAsOpenSshPrintsItWithOrWithoutPadding() throws Exception {
        WindowsHost padded = hosts.open(pinned(server.port(), server.fingerprint() + "="));

        assertEquals("x", padded.run(script("# test:echo-stdin\n", "x", false, MINUTE)).stdout());
    }

    @Test
    void aWrongPasswordIsRefusedAndNotInTheMessage() throws Exception {
        String wrong = "not-the-Password-42";
        environment.put(WindowsTesting.SECRET_VARIABLE, wrong);

        WindowsHostFailure failure = assertThrows(WindowsHostFailure.class,
                () -> host().run(script("# test:echo-stdin\n", null, false, MINUTE)));

        assertContains("refused the logon of " + WindowsSshServer.USER, failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(t.toString().contains(wrong), t::toString);
            assertFalse(t.toString().contains(PASSWORD), t::toString);
        }
        assertTrue(windows.received.isEmpty());
    }

    @Test
    void thePasswordIsResolvedOnlyWhenConnecting() throws Exception {
        environment.remove(WindowsTesting.SECRET_VARIABLE);
        WindowsHost host = host();

        WindowsHostFailure failure = assertThrows(WindowsHostFailure.class,
                () -> host.run(script("# test:echo-stdin\n", null, false, MINUTE)));
        assertContains("cannot be resolved", failure.getMessage());
        assertContains(WindowsTesting.SECRET_REF, failure.getMessage());

        environment.put(WindowsTesting.SECRET_VARIABLE, PASSWORD);
        assertEquals("ok", host.run(script("# test:echo-stdin\n", "ok", false, MINUTE)).stdout());
    }

    @Test
    void aScriptThatDoesNotEndInTimeFails() throws Exception {
        WindowsHostFailure failure = assertThrows(WindowsHostFailure.class,
                () -> host().run(script("# test:never-ends\n", null, false, Duration.ofMillis(500))));

        assertContains("\"a test script\" on 127.0.0.1:" + server.port() + " did not end within PT0.5S",
                failure.getMessage());
        await().atMost(Duration.ofSeconds(10)).until(() -> windows.cutOff.get() == 1);
    }

    @Test
    void outputBeyondTheLimitIsNotKept() throws Exception {
        PowerShellResult result = host().run(script("# test:flood\n", null, false, MINUTE));

        assertEquals("x".repeat(1000) + "\n[99000 more bytes not kept]", result.stdout());
    }

    @Test
    void anUnreachableHostFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WindowsTarget target = pinned(closedPort, server.fingerprint());

        WindowsHostFailure failure = assertThrows(WindowsHostFailure.class,
                () -> hosts.open(target).run(script("# test:echo-stdin\n", null, false, MINUTE)));
        assertContains("127.0.0.1:" + closedPort + " cannot be reached", failure.getMessage());
    }

    @Test
    void aScriptTooLongForAWindowsCommandLineIsRefusedBeforeConnecting() throws Exception {
        String text = "# test:echo-stdin\n" + "#".repeat(4000);

        WindowsHostFailure failure = assertThrows(WindowsHostFailure.class,
                () -> host().run(script(text, null, false, MINUTE)));
        assertContains("too long for a Windows command line", failure.getMessage());
        assertTrue(windows.received.isEmpty());
    }

    @Test
    void aTargetWithoutAPinnedSha256KeyIsRefused() {
        WindowsTarget target = new WindowsTarget("dr-ipe01", 22, "svc", WindowsTesting.SECRET_REF, "MD5:ab:cd");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> hosts.open(target));
        assertContains("SHA256:", refused.getMessage());
    }
}
