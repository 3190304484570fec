package io.wfdr.restore.windows;

import static io.wfdr.restore.windows.WindowsScripts.PLATFORM_32;
import static io.wfdr.restore.windows.WindowsScripts.PLATFORM_64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The scripts' shape: what every one of them does, what they refuse to build, how an operator reads them. */
class WindowsScriptsTest {

    private static final String PASSWORD = "s3cret'pw";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static List<PowerShellScript> all() {
        List<String> names = List.of("iProcessEngine", "iProcessWatcher");
        return List.of(WindowsScripts.serviceStates(names), WindowsScripts.stopServices(names, WAIT),
                WindowsScripts.startServices(names, WAIT), WindowsScripts.readDsn("TFLOWF", PLATFORM_32),
                WindowsScripts.pointDsn("TFLOWF", PLATFORM_32, "DRSQL01\\WF", "TFLOWF_DR", "tfwfowner"),
                WindowsScripts.testDsn("TFLOWF", PLATFORM_32, "tfwfowner", PASSWORD));
    }

    @Test
    void everyScriptNamesItselfStopsAtItsFirstErrorAndPrintsOneJsonReply() {
        for (PowerShellScript script : all()) {
            String text = script.text();
            assertTrue(text.startsWith("# wfdr:"), text);
            assertTrue(text.contains("\n$ErrorActionPreference = 'Stop'\n"), text);
            assertEquals(1, text.lines().filter(l -> l.startsWith("Write-Reply ")).count(), text);
        }
    }

    @Test
    void noServiceIsForcedDown() {
        for (PowerShellScript script : all()) {
            assertFalse(script.text().contains("-Force"), script.text());
        }
    }

    @Test
    void theDsnScriptsOfThe32BitPlatformRunIn32BitPowerShellAndTheOthersIn64Bit() {
        assertEquals(List.of(false, false, false, true, true, true),
                all().stream().map(PowerShellScript::x86).toList());
        assertFalse(WindowsScripts.readDsn("TFLOWF", PLATFORM_64).x86());
        assertFalse(WindowsScripts.testDsn("TFLOWF", PLATFORM_64, "tfwfowner", PASSWORD).x86());
    }

    @Test
    void onlyTheDsnTestHasStandardInputAndItIsThePasswordOnOneLine() {
        List<PowerShellScript> scripts = all();
        for (PowerShellScript script : scripts.subList(0, 5)) {
            assertNull(script.stdin());
        }
        PowerShellScript test = scripts.get(5);
        assertEquals(PASSWORD + "\n", test.stdin());
        assertFalse(test.text().contains(PASSWORD));
        assertFalse(test.toString().contains(PASSWORD));
    }

    @Test
    void aWaitForServicesGivesTheScriptThatLongPlusPowerShellsStartup() {
        PowerShellScript stop = WindowsScripts.stopServices(List.of("iProcessEngine"), Duration.ofMinutes(5));

        assertTrue(stop.text().contains("\n$deadline = [DateTime]::UtcNow.AddSeconds(300)\n"), stop.text());
        assertEquals(Duration.ofMinutes(6), stop.timeout());
    }

    @Test
    void everyScriptFitsOnAWindowsCommandLineEvenForManyLongServiceNames() {
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "iProcess-Service-With-A-Long-Name-" + i).toList();
        for (PowerShellScript script : List.of(WindowsScripts.stopServices(names, WAIT),
                WindowsScripts.startServices(names, WAIT), WindowsScripts.serviceStates(names))) {
            assertTrue(PowerShellCommand.of(script).length() <= PowerShellCommand.MAX_LENGTH);
        }
        for (PowerShellScript script : all()) {
            assertTrue(PowerShellCommand.of(script).length() <= PowerShellCommand.MAX_LENGTH);
        }
    }

    @Test
    void valuesThatWouldChangeWhatAScriptDoesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WindowsScripts.readDsn("TF*", PLATFORM_32));
        assertThrows(IllegalArgumentException.class, () -> WindowsScripts.readDsn("TFLOWF", "All"));
        assertThrows(IllegalArgumentException.class, () -> WindowsScripts.readDsn("TFLOWF", "32bit"));
        assertThrows(IllegalArgumentException.class,
                () -> WindowsScripts.pointDsn("TFLOWF", PLATFORM_32, "DRSQL01;Trusted_Connection=Yes", "X", "u"));
        assertThrows(IllegalArgumentException.class,
                () -> WindowsScripts.pointDsn("TFLOWF", PLATFORM_32, "DRSQL01", "X", " tfwfowner"));
        assertThrows(IllegalArgumentException.class,
                () -> WindowsScripts.testDsn("TFLOWF", PLATFORM_32, "tfwfowner", "first\nsecond"));
        assertThrows(IllegalArgumentException.class, () -> WindowsScripts.stopServices(List.of(), WAIT));
        assertThrows(IllegalArgumentException.class, () -> WindowsScripts.stopServices(List.of("a\\b"), WAIT));
        assertThrows(IllegalArgumentException.class,
                () -> WindowsScripts.stopServices(List.of("iProcessEngine"), Duration.ZERO));
    }

    @Test
    void theScriptOnlyFormShowsWhichPowerShellItRunsInAndNeverTheSecret() {
        String text = WindowsScripts.scriptOnly(WindowsScripts.testDsn("TFLOWF", PLATFORM_32, "tfwfowner", PASSWORD));

        assertTrue(text.startsWith("# test the 32-bit System DSN TFLOWF as tfwfowner\n"
                + "# runs in: C:\\Windows\\SysWOW64\\WindowsPowerShell\\v1.0\\powershell.exe (32-bit PowerShell)\n"
                + "# standard input: a secret, not shown\n"
                + "# time limit: 120 s\n"
                + "# wfdr:test-dsn\n"), text);
        assertTrue(text.contains("\n$login = 'tfwfowner'\n"), text);
        assertFalse(text.contains(PASSWORD));
        assertTrue(WindowsScripts.scriptOnly(WindowsScripts.readDsn("TFLOWF", PLATFORM_64))
                .contains("# runs in: powershell.exe (64-bit PowerShell)\n"));
    }
}
