package io.wfdr.restore.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.spine.contract.BackupType;
import org.junit.jupiter.api.Test;

/** The script a DBA pastes into SSMS: every name one quoted token, the order SQL Server requires. */
class RestoreScriptTest {

    private static final Instant AT = Instant.parse("2026-11-30T14:05:00Z");

    private static RestorePlan plan(String newName, String path, String logical) {
        List<RestorePlan.Step> steps = List.of(
                new RestorePlan.Step(1, BackupType.FULL, "F1", 1, List.of(new RestorePlan.StepFile(1, path, "c1", "dr"),
                        new RestorePlan.StepFile(2, path + "2", "c2", "dr")), true, 100, null),
                new RestorePlan.Step(2, BackupType.LOG, "L1", 1, List.of(new RestorePlan.StepFile(1, path + ".trn", "c3",
                        "dr")), false, 10, AT));
        return new RestorePlan("p1", "db", "TFLOWF", AT.toString(), AT, new RestorePlan.Target("s", "SQLDR01", "dr"),
                newName, steps, List.of(new RestorePlan.Move(logical, "D", null, newName + ".mdf"),
                        new RestorePlan.Move("TFLOWF_log", "L", "L:\\Logs", newName + "_log.ldf")),
                new RestorePlan.Reachable(AT, AT, null), List.of(), null, AT);
    }

    @Test
    void theFullMovesEveryFileTheLogStopsAtThePointAndRecoveryComesLast() {
        String script = RestoreScript.of(plan("TFLOWF_DR", "\\\\nas-dr\\sql\\F1.bak", "TFLOWF"));
        List<String> restores = script.lines().filter(l -> l.startsWith("RESTORE")).toList();
        assertEquals(List.of(
                "RESTORE DATABASE [TFLOWF_DR] FROM DISK = N'\\\\nas-dr\\sql\\F1.bak', DISK = N'\\\\nas-dr\\sql\\F1.bak2' "
                        + "WITH FILE = 1, MOVE N'TFLOWF' TO @move1, MOVE N'TFLOWF_log' TO @move2, CHECKSUM, NORECOVERY, "
                        + "STATS = 5;",
                "RESTORE LOG [TFLOWF_DR] FROM DISK = N'\\\\nas-dr\\sql\\F1.bak.trn' WITH FILE = 1, NO_CHECKSUM, "
                        + "NORECOVERY, STOPAT = @stopat, STATS = 5;",
                "RESTORE DATABASE [TFLOWF_DR] WITH RECOVERY;"), restores);
        assertTrue(script.contains("DECLARE @move1 nvarchar(260) = @data + N'TFLOWF_DR.mdf';"), script);
        assertTrue(script.contains("DECLARE @move2 nvarchar(260) = N'L:\\Logs\\' + N'TFLOWF_DR_log.ldf';"), script);
        assertTrue(script.contains("CAST(N'2026-11-30T14:05:00.000' AS datetime2)"), script);
    }

    @Test
    void hostileNamesAndPathsStayOneQuotedToken() {
        String script = RestoreScript.of(plan("TFLOWF]; DROP DATABASE [master]; --", "\\\\nas\\O'Brien\\F1.bak",
                "TFLOWF'; SHUTDOWN; --"));
        assertTrue(script.contains("RESTORE DATABASE [TFLOWF]]; DROP DATABASE [master]]; --] FROM DISK = "
                + "N'\\\\nas\\O''Brien\\F1.bak'"), script);
        assertTrue(script.contains("MOVE N'TFLOWF''; SHUTDOWN; --' TO @move1"), script);
    }
}
