package io.wfdr.restore.sqlserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.tsql.TSql;
import org.junit.jupiter.api.Test;

/** One test per SQL Server rule the double keeps, each named after the rule, and the chain a runbook runs. */
class SimulatedSqlServerTest {

    private static final String DR = "TFLOWF_DR";
    private static final String DATA = "D:\\Data\\";
    private static final String LOGS = "L:\\Logs\\";
    private static final long GIB = 1L << 30;
    private static final byte[] TFWFUSER_SID = HexFormat.of().parseHex("0A1B2C3D4E5F60718293A4B5C6D7E8F9");
    private static final byte[] TFWFOWNER_SID = HexFormat.of().parseHex("11112222333344445555666677778888");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T14:00:00Z"));
    private final SimulatedSqlServer server = new SimulatedSqlServer("SQLDR01", clock).folder(DATA, 10 * GIB)
            .folder(LOGS, 10 * GIB);
    private final SimulatedProduction production = new SimulatedProduction("TFLOWF")
            .user(SimulatedUser.sql("tfwfuser", TFWFUSER_SID)).user(SimulatedUser.sql("tfwfowner", TFWFOWNER_SID));

    // ---- the chain a runbook runs

    @Test
    void aFullADifferentialAndLogsWithNorecoveryThenRecoveryBringTheDatabaseOnlineWithUsersOrphanedUntilLoginsExist()
            throws Exception {
        SimulatedBackup full = on("full.bak", production.full());
        SimulatedBackup log1 = on("log1.trn", production.log());
        SimulatedBackup diff = on("diff.bak", production.differential());
        SimulatedBackup log2 = on("log2.trn", production.log());
        List<Integer> progress = new ArrayList<>();

        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), progress::add);
        assertEquals("RESTORING", server.database(DR).orElseThrow().state());
        server.execute(statement(restore("DATABASE", DR, "diff.bak", "NORECOVERY")), progress::add);
        server.execute(statement(restore("LOG", DR, "log2.trn", "NORECOVERY")), progress::add);
        server.execute(statement("RESTORE DATABASE " + TSql.identifier(DR) + " WITH RECOVERY;"), p -> { });

        assertTrue(server.database(DR).orElseThrow().online());
        assertEquals(Set.of(full.backupSetGuid(), diff.backupSetGuid(), log2.backupSetGuid()),
                server.restoredSince(DR, clock.instant()));
        assertEquals(0, server.restores(DR, log1.backupSetGuid()), "log1 is inside the differential: never needed");
        assertTrue(server.users(DR).stream().allMatch(DatabaseUser::orphaned), "no login has the production SIDs");

        server.execute(statement(createLogin("tfwfuser", TFWFUSER_SID)), p -> { });
        DatabaseUser user = server.users(DR).stream().filter(u -> u.name().equals("tfwfuser")).findFirst().orElseThrow();
        assertEquals("tfwfuser", user.loginName(), "a login with the production SID heals the orphan");
        assertEquals(1, server.recoveries(DR));
        assertEquals(List.of(5, 10, 100), List.of(progress.get(0), progress.get(1), progress.get(progress.size() - 1)));
    }

    @Test
    void aDatabaseLeftRestoringByNorecoveryCannotBeOpenedUntilRecovered() throws Exception {
        on("full.bak", production.full());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });

        assertEquals(927, number(() -> server.users(DR)));
        assertEquals(927, number(() -> server.execute(statement(checkDb(DR)), p -> { })));
        server.execute(statement("RESTORE DATABASE [TFLOWF_DR] WITH RECOVERY"), p -> { });
        server.execute(statement(checkDb(DR)), p -> { });
    }

    // ---- the log chain

    @Test
    void aLogThatLeavesAGapIsRefusedWith4305() throws Exception {
        on("full.bak", production.full());
        on("log1.trn", production.log());
        on("log2.trn", production.log());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });

        SqlServerFailure gap = refused(restore("LOG", DR, "log2.trn", "NORECOVERY"));
        assertEquals(4305, gap.cause().number());
        assertEquals(List.of(4305, 3013), numbers(gap));
        assertEquals("RESTORE LOG is terminating abnormally.", gap.errors().get(1).message());
        server.execute(statement(restore("LOG", DR, "log1.trn", "NORECOVERY")), p -> { });
    }

    @Test
    void aLogAlreadyAppliedIsRefusedWith4326() throws Exception {
        on("full.bak", production.full());
        on("log1.trn", production.log());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });
        server.execute(statement(restore("LOG", DR, "log1.trn", "NORECOVERY")), p -> { });

        assertEquals(4326, refused(restore("LOG", DR, "log1.trn", "NORECOVERY")).cause().number());
    }

    @Test
    void aLogWithoutARestoredFullIsRefusedWith3117() {
        on("full.bak", production.full());
        on("log1.trn", production.log());

        assertEquals(3117, refused(restore("LOG", DR, "log1.trn", "NORECOVERY")).cause().number());
    }

    @Test
    void aLogAfterRecoveryIsRefusedWith3117() throws Exception {
        on("full.bak", production.full());
        on("log1.trn", production.log());
        server.execute(statement(restoreFull(DR, "full.bak", "RECOVERY")), p -> { });

        assertEquals(3117, refused(restore("LOG", DR, "log1.trn", "NORECOVERY")).cause().number());
    }

    @Test
    void aLogOnAnotherRecoveryPathIsRefusedWith4330() throws Exception {
        on("full.bak", production.full());
        production.restoredToAPointInTime();
        on("log1.trn", production.log());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });

        assertEquals(4330, refused(restore("LOG", DR, "log1.trn", "NORECOVERY")).cause().number());
    }

    // ---- differentials

    @Test
    void aDifferentialOfAnotherFullIsRefusedWith3136() throws Exception {
        on("full1.bak", production.full());
        on("full2.bak", production.full());
        on("diff.bak", production.differential());
        server.execute(statement(restoreFull(DR, "full1.bak", "NORECOVERY")), p -> { });

        assertEquals(3136, refused(restore("DATABASE", DR, "diff.bak", "NORECOVERY")).cause().number());
    }

    @Test
    void aCopyOnlyFullIsNoBaseForADifferentialSoItIsRefusedWith3136() throws Exception {
        on("full.bak", production.full());
        on("copy.bak", production.copyOnlyFull());
        on("diff.bak", production.differential());
        server.execute(statement(restoreFull(DR, "copy.bak", "NORECOVERY")), p -> { });

        assertEquals(3136, refused(restore("DATABASE", DR, "diff.bak", "NORECOVERY")).cause().number());
    }

    @Test
    void aDifferentialWithoutARestoredFullIsRefusedWith3117() {
        on("full.bak", production.full());
        on("diff.bak", production.differential());

        assertEquals(3117, refused(restore("DATABASE", DR, "diff.bak", "NORECOVERY")).cause().number());
    }

    // ---- the target

    @Test
    void restoringOverAnOnlineDatabaseWithoutReplaceIsRefusedWith3159() throws Exception {
        on("full.bak", production.full());
        server.execute(statement(restoreFull(DR, "full.bak", "RECOVERY")), p -> { });

        assertEquals(3159, refused(restoreFull(DR, "full.bak", "NORECOVERY")).cause().number());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY", "REPLACE")), p -> { });
    }

    @Test
    void restoringOverARestoringSequenceOfTheSameDatabaseStartsItAgainWithoutReplace() throws Exception {
        on("full.bak", production.full());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });

        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });
    }

    @Test
    void aBackupOfAnotherDatabaseOverAnExistingOneIsRefusedWith3154() {
        on("full.bak", production.full());
        server.onlineDatabase(DR, "SIMPLE", DATA + "other.mdf");

        assertEquals(3154, refused(restoreFull(DR, "full.bak", "NORECOVERY")).cause().number());
    }

    @Test
    void aTargetFileUsedByAnotherDatabaseIsRefusedWith1834And3156() {
        on("full.bak", production.full());
        server.onlineDatabase("TRANSFLO", "FULL", DATA + DR + ".mdf");

        SqlServerFailure failure = refused(restoreFull(DR, "full.bak", "NORECOVERY"));
        assertEquals(List.of(1834, 3156, 3119, 3013), numbers(failure));
    }

    @Test
    void aFileRestoredWithoutMoveToAFolderTheServerLacksIsRefusedWith5133And3156() {
        on("full.bak", production.full());

        SqlServerFailure failure = refused(restore("DATABASE", DR, "full.bak", "NORECOVERY"));
        assertEquals(List.of(5133, 3156, 3119, 3013), numbers(failure));
    }

    @Test
    void aMoveOfALogicalFileNotInTheBackupIsRefusedWith3234() {
        on("full.bak", production.full());

        String restore = restore("DATABASE", DR, "full.bak", "MOVE N'TFLOWF_data' TO N'D:\\Data\\x.mdf'",
                "NORECOVERY");
        assertEquals(List.of(3234, 3119, 3013), numbers(refused(restore)));
    }

    @Test
    void tooLittleFreeSpaceForTheFilesIsRefusedWith3257() {
        on("full.bak", production.full());
        server.folder(DATA, 1024);

        assertEquals(3257, refused(restoreFull(DR, "full.bak", "NORECOVERY")).cause().number());
    }

    // ---- media

    @Test
    void aMissingBackupFileIsRefusedWith3201() {
        on("full.bak", production.full());
        server.remove("full.bak");

        assertEquals(3201, refused(restoreFull(DR, "full.bak", "NORECOVERY")).cause().number());
        assertEquals(3201, number(() -> server.headerOnly(List.of("full.bak"))));
    }

    @Test
    void aMediaSetWithAMissingStripeIsRefusedWith3132() throws Exception {
        server.media(List.of("full_1.bak", "full_2.bak"), production.full());

        assertEquals(3132, refused(restoreFull(DR, "full_1.bak", "NORECOVERY")).cause().number());
        assertEquals(3132, number(() -> server.verifyOnly(List.of("full_2.bak"), 1, true)));
        server.verifyOnly(List.of("full_2.bak", "full_1.bak"), 1, true);
    }

    @Test
    void aDamagedFileFailsVerifyOnlyWith3189AndRestoreWith3183LeavingTheDatabaseRestoringWithNothingToRecover() {
        on("full.bak", production.full());
        server.damage("full.bak");

        SqlServerFailure verify = assertThrows(SqlServerFailure.class,
                () -> server.verifyOnly(List.of("full.bak"), 1, true));
        assertEquals(List.of(3189, 3013), numbers(verify));
        assertEquals(3183, refused(restoreFull(DR, "full.bak", "NORECOVERY")).cause().number());
        assertEquals("RESTORING", server.database(DR).orElseThrow().state());
        assertEquals(4333, refused("RESTORE DATABASE [TFLOWF_DR] WITH RECOVERY").cause().number());
    }

    @Test
    void checksumOnABackupWithoutChecksumsIsRefusedWith3187() {
        on("full.bak", production.full().withoutChecksums());

        assertEquals(3187, refused(restoreFull(DR, "full.bak", "NORECOVERY")).cause().number());
    }

    @Test
    void aPositionNotInTheMediaSetIsRefusedWith4038() {
        on("full.bak", production.full());

        assertEquals(4038, number(() -> server.fileListOnly(List.of("full.bak"), 2)));
    }

    @Test
    void aLogBackupSetGivenToRestoreDatabaseIsRefusedWith3135() {
        on("full.bak", production.full());
        on("log1.trn", production.log());

        assertEquals(3135, refused(restore("DATABASE", DR, "log1.trn", "NORECOVERY")).cause().number());
    }

    @Test
    void headerOnlyAndFileListOnlyReadWhatProductionWrote() throws Exception {
        SimulatedBackup full = production.full();
        SimulatedBackup diff = production.differential();
        server.media("sets.bak", full, diff);

        List<BackupHeader> headers = server.headerOnly(List.of("sets.bak"));
        assertEquals(List.of(1, 2), headers.stream().map(BackupHeader::position).toList());
        assertEquals(full.backupSetGuid(), headers.get(1).differentialBaseGuid());
        assertEquals(production.files(), server.fileListOnly(List.of("sets.bak"), 2));
    }

    // ---- recovery

    @Test
    void recoveringAnOnlineDatabaseIsRefusedWith3153() throws Exception {
        on("full.bak", production.full());
        server.execute(statement(restoreFull(DR, "full.bak", "RECOVERY")), p -> { });

        assertEquals(List.of(3153, 3013), numbers(refused("RESTORE DATABASE [TFLOWF_DR] WITH RECOVERY")));
        assertEquals(1, server.recoveries(DR));
    }

    // ---- logins and users

    @Test
    void createLoginOfAnExistingLoginIsRefusedWith15025() throws Exception {
        server.execute(statement(createLogin("tfwfuser", TFWFUSER_SID)), p -> { });

        SqlServerFailure failure = refused(createLogin("TFWFUSER", TFWFOWNER_SID));
        assertEquals(List.of(15025), numbers(failure), "no 3013 trailer outside BACKUP/RESTORE");
        assertEquals(1, server.loginsCreated("tfwfuser"));
    }

    @Test
    void createLoginWithASidInUseIsRefusedWith15433() throws Exception {
        server.login("legacy", TFWFUSER_SID);

        assertEquals(15433, refused(createLogin("tfwfuser", TFWFUSER_SID)).cause().number());
    }

    @Test
    void createLoginWithASidThatIsNotBinary16IsRefusedWith15419() {
        assertEquals(15419, refused("CREATE LOGIN [tfwfuser] WITH PASSWORD = N'x', SID = 0x0102").cause().number());
    }

    @Test
    void alterUserOfAUserNotInTheDatabaseIsRefusedWith15151() throws Exception {
        restoredAndRecovered();
        server.login("tfwfuser_dr", HexFormat.of().parseHex("99999999999999999999999999999999"));

        assertEquals(15151, refused("ALTER USER [tfwfuser] WITH LOGIN = [tfwfuser_dr]").cause().number(),
                "without USE it runs in master");
        assertEquals(15151, refused(alterUser("nobody", "tfwfuser_dr")).cause().number());
        assertEquals(15151, refused(alterUser("tfwfuser", "nologin")).cause().number());
    }

    @Test
    void alterUserWithLoginMapsTheOrphanToTheLoginSid() throws Exception {
        restoredAndRecovered();
        byte[] sid = HexFormat.of().parseHex("99999999999999999999999999999999");
        server.login("tfwfuser_dr", sid);

        server.execute(statement(alterUser("tfwfuser", "tfwfuser_dr")), p -> { });
        DatabaseUser user = server.users(DR).stream().filter(u -> u.name().equals("tfwfuser")).findFirst().orElseThrow();
        assertEquals("tfwfuser_dr", user.loginName());
        assertArrayEquals(sid, user.sid());
    }

    @Test
    void alterUserToALoginMappedToAnotherUserIsRefusedWith15063() throws Exception {
        restoredAndRecovered();
        server.execute(statement(createLogin("tfwfowner", TFWFOWNER_SID)), p -> { });

        assertEquals(15063, refused(alterUser("tfwfuser", "tfwfowner")).cause().number());
    }

    @Test
    void alterUserInADatabaseThatDoesNotExistIsRefusedWith911() {
        assertEquals(911, refused(alterUser("tfwfuser", "tfwfuser")).cause().number());
    }

    @Test
    void checkDbOfACorruptDatabaseReportsItsErrorsWith8989() throws Exception {
        restoredAndRecovered();
        server.corrupt(DR);

        assertEquals(List.of(8939, 8989), numbers(refused(checkDb(DR))));
        assertEquals(2520, refused(checkDb("NOSUCH")).cause().number());
    }

    // ---- what is not understood

    @Test
    void anUnexpectedStatementIsRefusedWith102() {
        assertEquals(102, refused("DROP DATABASE [TFLOWF_DR]").cause().number());
        assertEquals(102, refused("RESTORE DATABASE [TFLOWF_DR] FROM DISK = N'x' WITH CONTINUE_AFTER_ERROR")
                .cause().number());
    }

    @Test
    void aVariableOfThePasteableScriptIsRefusedWith137() {
        on("full.bak", production.full());

        assertEquals(137, refused("RESTORE DATABASE [TFLOWF_DR] FROM DISK = N'full.bak' WITH FILE = 1, "
                + "MOVE N'TFLOWF' TO @move1, NORECOVERY").cause().number());
    }

    @Test
    void hostileNamesStayOneQuotedToken() throws Exception {
        on("\\\\nas\\O'Brien\\full.bak", production.full());
        String name = "TF]DR'; --";

        server.execute(statement(restoreFull(name, "\\\\nas\\O'Brien\\full.bak", "RECOVERY")), p -> { });
        assertTrue(server.database(name).orElseThrow().online());
    }

    // ---- what crash tests need

    @Test
    void statsReportsIncreasingPercentsUpTo100() throws Exception {
        on("full.bak", production.full());
        List<Integer> progress = new ArrayList<>();

        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), progress::add);
        assertEquals(20, progress.size());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), progress.toString());
        }
    }

    @Test
    void failNextFailsOnlyTheNextMatchingStatementAndChangesNothing() throws Exception {
        on("full.bak", production.full());
        server.failNext("RESTORE DATABASE", 3203, "Read on \"full.bak\" failed: 13(The data is invalid.)");

        assertEquals(List.of(3203, 3013), numbers(refused(restoreFull(DR, "full.bak", "NORECOVERY"))));
        assertTrue(server.database(DR).isEmpty());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });
        assertEquals(2, server.executed().size());
    }

    @Test
    void aLostReplyMeansTheStatementRanOnceAndTheCountsSaySo() throws Exception {
        SimulatedBackup full = on("full.bak", production.full());
        server.loseReplyToNext("RESTORE DATABASE");

        SqlServerFailure lost = refused(restoreFull(DR, "full.bak", "RECOVERY"));
        assertEquals(0, lost.cause().number());
        assertTrue(server.database(DR).orElseThrow().online());
        assertEquals(1, server.restores(DR, full.backupSetGuid()));
        assertEquals(1, server.recoveries(DR));
    }

    @Test
    void aPausedRestoreHoldsUntilReleased() throws Exception {
        on("full.bak", production.full());
        SimulatedPause pause = server.pauseNext("RESTORE DATABASE");
        List<Integer> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> run(restoreFull(DR, "full.bak",
                "NORECOVERY"), progress));
        assertTrue(pause.awaitReached(Duration.ofSeconds(10)));
        assertTrue(server.database(DR).isEmpty(), "nothing applied while held");
        assertEquals(50, progress.get(progress.size() - 1));
        pause.release();
        running.get(10, TimeUnit.SECONDS);
        assertEquals("RESTORING", server.database(DR).orElseThrow().state());
    }

    @Test
    void anAbortedFullRestoreFailsWith3204AndLeavesTheDatabaseRestoringWithNothingToRecover() throws Exception {
        on("full.bak", production.full());
        SimulatedPause pause = server.pauseNext("RESTORE DATABASE");

        CompletableFuture<SqlServerFailure> running = CompletableFuture.supplyAsync(
                () -> refused(restoreFull(DR, "full.bak", "NORECOVERY")));
        assertTrue(pause.awaitReached(Duration.ofSeconds(10)));
        pause.abort();
        assertEquals(List.of(3204, 3013), numbers(running.get(10, TimeUnit.SECONDS)));
        assertEquals("RESTORING", server.database(DR).orElseThrow().state());
        assertEquals(4333, refused("RESTORE DATABASE [TFLOWF_DR] WITH RECOVERY").cause().number());
    }

    @Test
    void restoredSinceListsOnlyWhatWasRestoredFromThatInstant() throws Exception {
        SimulatedBackup full = on("full.bak", production.full());
        SimulatedBackup log = on("log1.trn", production.log());
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });
        clock.advance(Duration.ofMinutes(5));
        Instant resumed = clock.instant();
        server.execute(statement(restore("LOG", DR, "log1.trn", "NORECOVERY")), p -> { });

        assertEquals(Set.of(log.backupSetGuid()), server.restoredSince(DR, resumed));
        assertEquals(Set.of(full.backupSetGuid(), log.backupSetGuid()),
                server.restoredSince(DR, resumed.minusSeconds(301)));
    }

    @Test
    void executedStatementsAreRecordedAsShownNeverWithTheirSecret() throws Exception {
        String sql = "CREATE LOGIN [tfwfuser] WITH PASSWORD = N'S3cret!', SID = 0x" + hex(TFWFUSER_SID);
        server.execute(new TSqlStatement(sql, sql.replace("S3cret!", "<secret env:TFWFUSER_PASSWORD>")), p -> { });

        assertFalse(String.join("\n", server.executed()).contains("S3cret!"));
        assertArrayEquals(TFWFUSER_SID, server.sqlLoginSid("tfwfuser").orElseThrow());
    }

    // ---- what outlives the process

    @Test
    void aServerSavedHalfWayThroughAChainIsReadBackAndGoesOnByTheSameRulesWithItsCounts(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        SimulatedBackup full = on("full.bak", production.full());
        SimulatedBackup diff = on("diff.bak", production.differential());
        server.login("tfwfreader", TFWFOWNER_SID).encryptor("AB12");
        server.execute(statement(restoreFull(DR, "full.bak", "NORECOVERY")), p -> { });
        server.execute(statement(createLogin("tfwfuser", TFWFUSER_SID)), p -> { });
        java.nio.file.Path file = folder.resolve("SQLDR01.json");
        server.saveTo(file);

        SimulatedSqlServer again = SimulatedSqlServer.loadFrom(file, "SQLDR01", clock);
        assertEquals("RESTORING", again.database(DR).orElseThrow().state());
        assertEquals(Set.of(full.backupSetGuid()), again.restoredSince(DR, clock.instant()));
        assertEquals(15025, number(() -> again.execute(statement(createLogin("tfwfuser", TFWFUSER_SID)), p -> { })));
        assertTrue(again.hasEncryptor("ab12"));
        again.execute(statement(restore("DATABASE", DR, "diff.bak", "RECOVERY")), p -> { });
        assertEquals(3117, number(() -> again.execute(statement(restore("DATABASE", DR, "diff.bak", "NORECOVERY")),
                p -> { })), "a recovered database has nothing to roll forward");
        again.saveTo(file);

        SimulatedSqlServer third = SimulatedSqlServer.loadFrom(file, "SQLDR01", clock);
        assertEquals(1, third.restores(DR, full.backupSetGuid()));
        assertEquals(1, third.restores(DR, diff.backupSetGuid()));
        assertEquals(1, third.recoveries(DR));
        assertEquals(1, third.loginsCreated("tfwfuser"));
        assertEquals("tfwfuser", third.users(DR).stream().filter(u -> u.name().equals("tfwfuser")).findFirst()
                .orElseThrow().loginName());
        assertEquals(5, third.executed().size(), "every statement executed, the refused ones too");
        assertEquals(server.freeBytes(DATA), third.freeBytes(DATA), "the restored files' room stays taken");
        assertTrue(server.freeBytes(DATA) < 10 * GIB);
    }

    // ---- helpers: the statements a runbook sends, with literal values

    private SimulatedBackup on(String file, SimulatedBackup backup) {
        server.media(file, backup);
        return backup;
    }

    private void restoredAndRecovered() throws SqlServerFailure {
        on("full.bak", production.full());
        server.execute(statement(restoreFull(DR, "full.bak", "RECOVERY")), p -> { });
    }

    private static String restoreFull(String database, String file, String... options) {
        List<String> all = new ArrayList<>();
        all.add("MOVE N'TFLOWF' TO " + TSql.literal(DATA + "TFLOWF_DR.mdf"));
        all.add("MOVE N'TFLOWF_log' TO " + TSql.literal(LOGS + "TFLOWF_DR_log.ldf"));
        all.addAll(List.of(options));
        return restore("DATABASE", database, file, all.toArray(String[]::new));
    }

    private static String restore(String what, String database, String file, String... options) {
        List<String> all = new ArrayList<>(List.of("FILE = 1"));
        all.addAll(List.of(options));
        all.add("CHECKSUM");
        all.add("STATS = 5");
        return "RESTORE " + what + " " + TSql.identifier(database) + " FROM DISK = " + TSql.literal(file) + " WITH "
                + String.join(", ", all) + ";";
    }

    private static String createLogin(String name, byte[] sid) {
        return "CREATE LOGIN " + TSql.identifier(name) + " WITH PASSWORD = N'pw', SID = 0x" + hex(sid)
                + ", CHECK_POLICY = OFF";
    }

    private static String alterUser(String user, String login) {
        return "USE " + TSql.identifier(DR) + "; ALTER USER " + TSql.identifier(user) + " WITH LOGIN = "
                + TSql.identifier(login) + ";";
    }

    private static String checkDb(String database) {
        return "DBCC CHECKDB (" + TSql.identifier(database) + ") WITH PHYSICAL_ONLY, NO_INFOMSGS";
    }

    private static TSqlStatement statement(String sql) {
        return TSqlStatement.of(sql);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private SqlServerFailure refused(String sql) {
        return assertThrows(SqlServerFailure.class, () -> server.execute(statement(sql), p -> { }));
    }

    private void run(String sql, List<Integer> progress) {
        try {
            server.execute(statement(sql), progress::add);
        } catch (SqlServerFailure e) {
            throw new IllegalStateException(e);
        }
    }

    private static int number(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(SqlServerFailure.class, call).cause().number();
    }

    private static List<Integer> numbers(SqlServerFailure failure) {
        return failure.errors().stream().map(SqlServerError::number).toList();
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
