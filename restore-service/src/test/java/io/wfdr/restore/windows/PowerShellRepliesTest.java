package io.wfdr.restore.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** WindowsReplies: the scripts' JSON replies, as ConvertTo-Json -Compress prints them, read into records. */
class PowerShellRepliesTest {

    private static PowerShellResult ok(String stdout) {
        return new PowerShellResult(0, stdout, "");
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected \"" + expected + "\" in: " + actual);
    }

    @Test
    void serviceStatesAreReadInOrder() throws Exception {
        List<ServiceState> states = WindowsReplies.serviceStates(ok(
                "[{\"name\":\"iProcessEngine\",\"status\":\"StopPending\"},"
                        + "{\"name\":\"X\",\"status\":\"Missing\"}]\r\n"));

        assertEquals(List.of(new ServiceState("iProcessEngine", "StopPending"), new ServiceState("X", "Missing")),
                states);
        assertTrue(states.get(1).missing());
    }

    @Test
    void escapedNonAsciiTextIsReadBack() throws Exception {
        assertEquals(List.of(new ServiceState("Dienst \u00fc \u2018q\u2019 \ud834\udd1e", "Running")),
                WindowsReplies.serviceStates(ok("[{\"name\":\"Dienst \\u00fc \\u2018q\\u2019 \\ud834\\udd1e\","
                        + "\"status\":\"Running\"}]")));
    }

    @Test
    void aDsnIsRead() throws Exception {
        Optional<DsnSettings> dsn = WindowsReplies.dsn(ok("{\"name\":\"TFLOWF\",\"platform\":\"32-bit\","
                + "\"driver\":\"SQL Server\",\"server\":\"DRSQL01\",\"database\":\"TFLOWF_DR\","
                + "\"login\":\"tfwfowner\"}"));

        assertEquals(Optional.of(new DsnSettings("TFLOWF", "32-bit", "SQL Server", "DRSQL01", "TFLOWF_DR",
                "tfwfowner")), dsn);
    }

    @Test
    void aDsnWithoutADefaultDatabaseOrLoginHasThemNull() throws Exception {
        DsnSettings dsn = WindowsReplies.dsn(ok("{\"name\":\"TFLOWF\",\"platform\":\"64-bit\","
                + "\"driver\":\"ODBC Driver 18 for SQL Server\",\"server\":\"DRSQL01\",\"database\":null,"
                + "\"login\":null}")).orElseThrow();

        assertEquals(null, dsn.database());
        assertEquals(null, dsn.login());
    }

    @Test
    void aMissingDsnIsEmpty() throws Exception {
        assertEquals(Optional.empty(), WindowsReplies.dsn(ok("{\"name\":\"TFLOWF\",\"platform\":\"32-bit\","
                + "\"missing\":true}")));
    }

    @Test
    void aDsnTestIsRead() throws Exception {
        assertEquals(new DsnTest(false, null, null, "ERROR [28000] Login failed for user 'tfwfowner'."),
                WindowsReplies.dsnTest(ok("{\"connected\":false,\"server\":null,\"database\":null,"
                        + "\"odbcError\":\"ERROR [28000] Login failed for user \\u0027tfwfowner\\u0027.\"}")));
        assertEquals(new DsnTest(true, "DRSQL01", "TFLOWF_DR", null), WindowsReplies.dsnTest(ok(
                "{\"connected\":true,\"server\":\"DRSQL01\",\"database\":\"TFLOWF_DR\",\"odbcError\":null}")));
    }

    @Test
    void aFailedScriptGivesItsErrorReply() {
        WindowsScriptFailure failure = assertThrows(WindowsScriptFailure.class, () -> WindowsReplies.serviceStates(
                new PowerShellResult(1, "{\"error\":\"Cannot start service X on computer '.'.\"}", "")));

        assertEquals("the script failed (exit 1): Cannot start service X on computer '.'.", failure.getMessage());
    }

    @Test
    void aScriptThatFailedWithoutAReplyGivesItsStandardError() {
        WindowsScriptFailure failure = assertThrows(WindowsScriptFailure.class, () -> WindowsReplies.dsn(
                new PowerShellResult(1, "", "Get-OdbcDsn : No matching ODBC DSN found.\r\n")));

        assertEquals("the script failed (exit 1): Get-OdbcDsn : No matching ODBC DSN found.", failure.getMessage());
    }

    @Test
    void aReplyOfAnotherShapeIsRefusedRatherThanMisread() {
        assertContains("not a list of services", assertThrows(WindowsScriptFailure.class,
                () -> WindowsReplies.serviceStates(ok("{\"name\":\"X\",\"status\":\"Running\"}"))).getMessage());
        assertContains("not \"status\" as text", assertThrows(WindowsScriptFailure.class,
                () -> WindowsReplies.serviceStates(ok("[{\"name\":\"X\",\"status\":4}]"))).getMessage());
        assertContains("not a JSON reply", assertThrows(WindowsScriptFailure.class,
                () -> WindowsReplies.dsn(ok("WARNING: something\r\n{}"))).getMessage());
        assertContains("not the outcome of a connection test", assertThrows(WindowsScriptFailure.class,
                () -> WindowsReplies.dsnTest(ok("[]"))).getMessage());
    }
}
