package io.wfdr.restore.windows;

import static io.wfdr.restore.windows.WindowsScripts.PLATFORM_32;
import static io.wfdr.restore.windows.WindowsScripts.PLATFORM_64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's Windows steps as the runbook runs them: WindowsScripts' scripts over real SSH to a Windows modelled at
 * the PowerShell boundary, their replies read by WindowsReplies.
 */
class WindowsScriptsOverSshTest {

    private static final String SSH_PASSWORD = "ssh-Secret-1";
    private static final String SQL_PASSWORD = "tfwf'Own$er`;}{ü";
    private static final String ENGINE = "iProcessEngine";
    private static final String WATCHER = "iProcessWatcher";
    private static final String TRANSFLO = "TfWorkflowServer";
    private static final List<String> IPROCESS = List.of(ENGINE, WATCHER, TRANSFLO);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final FakeWindows windows = new FakeWindows();
    private WindowsSshServer server;
    private SshWindowsHosts hosts;
    private WindowsHost host;

    @BeforeEach
    void start() throws Exception {
        server = WindowsSshServer.start(folder, SSH_PASSWORD, windows);
        hosts = new SshWindowsHosts(WindowsTesting.secrets(Map.of(WindowsTesting.SECRET_VARIABLE, SSH_PASSWORD),
                folder), WindowsTesting.config(1 << 20));
        host = hosts.open(server.target(WindowsTesting.SECRET_REF));
        windows.service(ENGINE, "Running");
        windows.service(WATCHER, "Running").needs.add(ENGINE);
        windows.service(TRANSFLO, "Stopped");
        windows.dsn(PLATFORM_32, "TFLOWF", "SQL Server", "PRODSQL01", "TFLOWF", "tfwfowner");
        windows.dsn(PLATFORM_64, "TFLOWF", "ODBC Driver 17 for SQL Server", "PRODSQL01", "TFLOWF", "tfwfowner");
        windows.reachable("DRSQL01");
        windows.sqlLogin("tfwfowner", SQL_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        hosts.stop();
        server.close();
    }

    private List<ServiceState> states(PowerShellScript script) throws Exception {
        return WindowsReplies.serviceStates(host.run(script));
    }

    @Test
    void theStatesOfServicesAreReadAndAnUnknownOneIsMissing() throws Exception {
        List<ServiceState> states = states(WindowsScripts.serviceStates(List.of("iprocessengine", TRANSFLO, "NoSuch")));

        assertEquals(List.of(new ServiceState(ENGINE, "Running"), new ServiceState(TRANSFLO, "Stopped"),
                new ServiceState("NoSuch", "Missing")), states);
    }

    @Test
    void stoppingWaitsUntilEveryServiceIsStopped() throws Exception {
        windows.service(ENGINE).pollsToStop = 6;
        windows.service(WATCHER).pollsToStop = 3;

        List<ServiceState> states = states(WindowsScripts.stopServices(IPROCESS, WAIT));

        assertEquals(List.of(new ServiceState(ENGINE, "Stopped"), new ServiceState(WATCHER, "Stopped"),
                new ServiceState(TRANSFLO, "Stopped")), states);
        assertEquals(List.of(WATCHER, ENGINE), windows.stopped, "a dependent first; a stopped service is left");
    }

    @Test
    void aServiceThatDoesNotStopInTimeIsReportedAsStillStopping() throws Exception {
        windows.service(WATCHER).pollsToStop = 1000;

        List<ServiceState> states = states(WindowsScripts.stopServices(IPROCESS, Duration.ofSeconds(2)));

        assertEquals(List.of(new ServiceState(ENGINE, "Running"), new ServiceState(WATCHER, "StopPending"),
                new ServiceState(TRANSFLO, "Stopped")), states);
    }

    @Test
    void aServiceThatARunningServiceOutsideTheListNeedsIsNotForcedDown() throws Exception {
        windows.service("MonitoringAgent", "Running").needs.add(ENGINE);

        WindowsScriptFailure failure = assertThrows(WindowsScriptFailure.class,
                () -> states(WindowsScripts.stopServices(IPROCESS, WAIT)));

        assertTrue(failure.getMessage().contains("MonitoringAgent needs " + ENGINE), failure::getMessage);
        assertTrue(windows.stopped.isEmpty());
        assertEquals("Running", windows.service(WATCHER).status);
    }

    @Test
    void startingStartsWhatOthersNeedFirstAndWaitsUntilEveryServiceIsRunning() throws Exception {
        for (String name : IPROCESS) {
            windows.service(name).status = "Stopped";
        }
        windows.service(TRANSFLO).pollsToStart = 5;

        List<ServiceState> states = states(WindowsScripts.startServices(IPROCESS, WAIT));

        assertEquals(List.of(new ServiceState(ENGINE, "Running"), new ServiceState(WATCHER, "Running"),
                new ServiceState(TRANSFLO, "Running")), states);
        assertEquals(ENGINE, windows.started.get(0));
    }

    @Test
    void aValueWithQuotesDollarsAndBackticksReachesPowerShellAsTheSameText() throws Exception {
        String service = "iProcess '$(Stop-Computer)' ‘x’ ‚y‛ \"$env:PATH\" `n @{}";
        String database = "TFLOWF_DR' + $(Remove-Item C:\\) + '`$x‘’\"";
        windows.service(service, "Running");

        assertEquals(List.of(new ServiceState(service, "Running")),
                states(WindowsScripts.serviceStates(List.of(service))));
        DsnSettings settings = WindowsReplies.dsn(host.run(WindowsScripts.pointDsn("TFLOWF", PLATFORM_64, "DRSQL01",
                database, "tfwfowner"))).orElseThrow();
        assertEquals(database, settings.database());
        assertEquals(database, windows.dsn(PLATFORM_64, "TFLOWF").attributes.get("Database"));
    }

    @Test
    void theThirtyTwoBitDsnIsChangedThroughSysWow64AndTheSixtyFourBitOneIsLeftAlone() throws Exception {
        DsnSettings settings = WindowsReplies.dsn(host.run(WindowsScripts.pointDsn("TFLOWF", PLATFORM_32, "DRSQL01",
                "TFLOWF_DR", "tfwfowner"))).orElseThrow();

        assertEquals(new DsnSettings("TFLOWF", PLATFORM_32, "SQL Server", "DRSQL01", "TFLOWF_DR", "tfwfowner"),
                settings);
        assertEquals(PowerShellCommand.POWERSHELL_32, windows.received.get(0).powershell());
        DsnSettings untouched = WindowsReplies.dsn(host.run(WindowsScripts.readDsn("TFLOWF", PLATFORM_64)))
                .orElseThrow();
        assertEquals(new DsnSettings("TFLOWF", PLATFORM_64, "ODBC Driver 17 for SQL Server", "PRODSQL01", "TFLOWF",
                "tfwfowner"), untouched);
        assertEquals("powershell.exe", windows.received.get(1).powershell());
    }

    @Test
    void aMissingDsnIsReportedMissingAndNotCreated() throws Exception {
        assertEquals(Optional.empty(), WindowsReplies.dsn(host.run(WindowsScripts.readDsn("TFLOWF2", PLATFORM_32))));
        assertEquals(Optional.empty(), WindowsReplies.dsn(host.run(WindowsScripts.pointDsn("TFLOWF2", PLATFORM_32,
                "DRSQL01", "TFLOWF_DR", "tfwfowner"))));
        assertEquals(null, windows.dsn(PLATFORM_32, "TFLOWF2"));
    }

    @Test
    void aDsnOfAnotherDriverIsNotChanged() throws Exception {
        windows.dsn(PLATFORM_64, "REPORTS", "Microsoft Access Driver (*.mdb, *.accdb)", null, null, null);

        WindowsScriptFailure failure = assertThrows(WindowsScriptFailure.class, () -> WindowsReplies.dsn(
                host.run(WindowsScripts.pointDsn("REPORTS", PLATFORM_64, "DRSQL01", "TFLOWF_DR", "tfwfowner"))));
        assertTrue(failure.getMessage().contains("not a SQL Server driver"), failure::getMessage);
    }

    @Test
    void theDsnPasswordIsOnlyOnStandardInputNeverInTheScriptOrCommandLine() throws Exception {
        windows.dsn(PLATFORM_32, "TFLOWF").attributes.put("Server", "DRSQL01");

        DsnTest test = WindowsReplies.dsnTest(host.run(WindowsScripts.testDsn("TFLOWF", PLATFORM_32, "tfwfowner",
                SQL_PASSWORD)));

        assertEquals(new DsnTest(true, "DRSQL01", "TFLOWF", null), test);
        FakeWindows.Received received = windows.received.get(0);
        assertEquals(SQL_PASSWORD + "\n", received.stdin());
        assertFalse(received.script().contains(SQL_PASSWORD));
        assertFalse(received.commandLine().contains(SQL_PASSWORD));
        assertFalse(received.commandLine().contains(PowerShellCommand.encode(SQL_PASSWORD)));
    }

    @Test
    void theThirtyTwoBitDsnIsTestedInThirtyTwoBitPowerShell() throws Exception {
        windows.dsn(PLATFORM_32, "TFLOWF").attributes.put("Server", "DRSQL01");
        windows.dsn(PLATFORM_64, "TFLOWF").attributes.put("Server", "UNREACHABLE");

        assertTrue(WindowsReplies.dsnTest(host.run(WindowsScripts.testDsn("TFLOWF", PLATFORM_32, "tfwfowner",
                SQL_PASSWORD))).connected());
        assertEquals(PowerShellCommand.POWERSHELL_32, windows.received.get(0).powershell());
    }

    @Test
    void aDsnTestReportsTheOdbcErrorOfAServerThatCannotBeReachedOrAWrongPassword() throws Exception {
        DsnTest unreachable = WindowsReplies.dsnTest(host.run(WindowsScripts.testDsn("TFLOWF", PLATFORM_64,
                "tfwfowner", SQL_PASSWORD)));
        assertFalse(unreachable.connected());
        assertTrue(unreachable.error().contains("SQL Server does not exist or access denied"), unreachable::error);

        windows.dsn(PLATFORM_64, "TFLOWF").attributes.put("Server", "DRSQL01");
        DsnTest wrongPassword = WindowsReplies.dsnTest(host.run(WindowsScripts.testDsn("TFLOWF", PLATFORM_64,
                "tfwfowner", "not-it")));
        assertFalse(wrongPassword.connected());
        assertTrue(wrongPassword.error().contains("Login failed for user 'tfwfowner'"), wrongPassword::error);
    }

    @Test
    void theGuidesStepsRunInOrder() throws Exception {
        assertTrue(states(WindowsScripts.stopServices(IPROCESS, WAIT)).stream().allMatch(ServiceState::stopped));
        WindowsReplies.dsn(host.run(WindowsScripts.pointDsn("TFLOWF", PLATFORM_32, "DRSQL01", "TFLOWF_DR",
                "tfwfowner"))).orElseThrow();
        assertTrue(WindowsReplies.dsnTest(host.run(WindowsScripts.testDsn("TFLOWF", PLATFORM_32, "tfwfowner",
                SQL_PASSWORD))).connected());
        assertTrue(states(WindowsScripts.startServices(IPROCESS, WAIT)).stream().allMatch(ServiceState::running));
    }
}
