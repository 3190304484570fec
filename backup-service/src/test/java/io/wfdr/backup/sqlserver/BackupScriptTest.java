package io.wfdr.backup.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.tsql.TSql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import io.wfdr.spine.contract.BackupType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupScriptTest {

    private static final Instant AT = Instant.parse("2026-11-25T03:00:00.123Z");
    private static final String OP = "7f3c2a10-5b6d-4e8f-9a01-23456789abcd";

    private static BackupRequest request(String database, BackupType type, String folder) {
        return BackupRequest.of("SQLPROD01", database, type, false, folder, AT, OP);
    }

    @Test
    void fullBackupOfTflowfNeverAppendsNeverOverwritesAndIsVerifiedByPosition() {
        assertEquals("""
                BACKUP DATABASE [TFLOWF] TO DISK = N'D:\\Backup\\SQLPROD01-TFLOWF-FULL-20261125T030000123Z-7f3c2a105b6d.bak' \
                WITH NOINIT, NOSKIP, MEDIANAME = N'wfdr 7f3c2a10-5b6d-4e8f-9a01-23456789abcd', CHECKSUM, COMPRESSION, \
                NAME = N'wfdr full TFLOWF 20261125T030000123Z', STATS = 5;
                RESTORE VERIFYONLY FROM DISK = N'D:\\Backup\\SQLPROD01-TFLOWF-FULL-20261125T030000123Z-7f3c2a105b6d.bak' \
                WITH FILE = 1, CHECKSUM;
                """, BackupScript.script(request("TFLOWF", BackupType.FULL, "D:\\Backup"), true));
    }

    @Test
    void copyOnlyEncryptedTunedFullOnAShare() {
        BackupRequest request = new BackupRequest("SQLPROD01$WF", "TRANSFLO", BackupType.FULL, true, "\\\\nas01\\sql\\",
                AT, OP, false, false, Optional.of("wfdr backup cert"), Optional.of(1_048_576), Optional.of(64));
        assertEquals("BACKUP DATABASE [TRANSFLO] TO DISK = N'\\\\nas01\\sql\\SQLPROD01_0024WF-TRANSFLO-FULL-COPYONLY-"
                + "20261125T030000123Z-7f3c2a105b6d.bak' WITH COPY_ONLY, NOINIT, NOSKIP, MEDIANAME = N'wfdr " + OP + "', "
                + "NO_CHECKSUM, NO_COMPRESSION, ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = [wfdr backup cert]), "
                + "MAXTRANSFERSIZE = 1048576, BUFFERCOUNT = 64, "
                + "NAME = N'wfdr full copy-only TRANSFLO 20261125T030000123Z', STATS = 5;\n",
                BackupScript.script(request, false));
    }

    @Test
    void aDifferentialWithCopyOnlyIsRefusedBecauseSqlServerWouldIgnoreCopyOnly() {
        BackupRequest request = BackupRequest.of("SQLPROD01", "TFLOWF", BackupType.DIFFERENTIAL, true, "D:\\Backup",
                AT, OP);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BackupScript.script(request, false));
        assertTrue(refused.getMessage().contains("COPY_ONLY is ignored"), refused.getMessage());
    }

    @Test
    void logBackupGoesToATrnFileOnLinux() {
        String sql = BackupScript.script(request("TFLOWF", BackupType.LOG, "/var/opt/mssql/backup"), false);
        assertTrue(sql.startsWith("BACKUP LOG [TFLOWF] TO DISK = N'/var/opt/mssql/backup/SQLPROD01-TFLOWF-LOG-"
                + "20261125T030000123Z-7f3c2a105b6d.trn'"), sql);
    }

    @Test
    void fileNamesOfDifferentDatabasesNeverCollide() {
        assertNotEquals(BackupScript.fileSafe("Sales DB"), BackupScript.fileSafe("Sales_DB"));
        assertNotEquals(BackupScript.fileSafe("Sales-DB"), BackupScript.fileSafe("Sales_DB"));
        assertNotEquals(BackupScript.fileSafe("Продажи"), BackupScript.fileSafe("Склад"));
        assertEquals("Sales_0020DB", BackupScript.fileSafe("Sales DB"));
        String longA = "A".repeat(100) + "1";
        String longB = "A".repeat(100) + "2";
        assertNotEquals(BackupScript.fileSafe(longA), BackupScript.fileSafe(longB));
        assertTrue(BackupScript.fileSafe(longA).length() <= 48);
    }

    @Test
    void fileNamesOfTwoBackupsInTheSameMillisecondDifferByOperation() {
        BackupRequest first = BackupRequest.of("SQLPROD01", "TFLOWF", BackupType.FULL, false, "D:\\B", AT, OP);
        BackupRequest second = BackupRequest.of("SQLPROD01", "TFLOWF", BackupType.FULL, false, "D:\\B", AT,
                "0a1b2c3d-0000-4000-8000-000000000000");
        BackupRequest otherServer = BackupRequest.of("SQLPROD02", "TFLOWF", BackupType.FULL, false, "D:\\B", AT, OP);
        BackupRequest copyOnly = BackupRequest.of("SQLPROD01", "TFLOWF", BackupType.FULL, true, "D:\\B", AT, OP);
        assertNotEquals(BackupScript.filePath(first), BackupScript.filePath(second));
        assertNotEquals(BackupScript.filePath(first), BackupScript.filePath(otherServer));
        assertNotEquals(BackupScript.filePath(first), BackupScript.filePath(copyOnly));
    }

    @Test
    void theBackupSetNameFitsNameEvenForTheLongestDatabaseName() {
        String sql = BackupScript.script(request("T".repeat(128), BackupType.FULL, "D:\\Backup"), false);
        String name = sql.substring(sql.indexOf(", NAME = N'") + 11, sql.indexOf("', STATS"));
        assertTrue(name.length() <= BackupScript.MAX_NAME, name.length() + ": " + name);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65_535, 65_537, 4_194_305, 100_000})
    void maxTransferSizeMustBeAMultipleOf64KbUpTo4Mb(int bytes) {
        assertThrows(IllegalArgumentException.class, () -> BackupScript.checkMaxTransferSize(bytes));
    }

    @Test
    void aHostileDatabaseNameStaysOneQuotedIdentifier() {
        String hostile = "TFLOWF]; DROP DATABASE [master]; --";
        String sql = BackupScript.script(request(hostile, BackupType.FULL, "D:\\Backup"), false);
        assertTrue(sql.startsWith("BACKUP DATABASE [TFLOWF]]; DROP DATABASE [master]]; --] TO DISK = "), sql);
        assertTrue(sql.contains("NAME = N'wfdr full TFLOWF]; DROP DATABASE [master]; -- 20261125T030000123Z'"), sql);
    }

    @Test
    void aQuoteInTheFolderIsDoubledInsideTheLiteral() {
        String sql = BackupScript.script(request("TFLOWF", BackupType.FULL, "D:\\O'Brien's backups"), false);
        assertTrue(sql.contains("TO DISK = N'D:\\O''Brien''s backups\\SQLPROD01-TFLOWF-FULL-"), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Backup", "relative\\path", "D:\\Backup\\..\\Windows", "D:\\Back*up", "D:\\a\"b",
            "/var/backup\n; DROP DATABASE x", ""})
    void aFolderThatIsNotACleanAbsolutePathIsRefused(String folder) {
        assertThrows(IllegalArgumentException.class,
                () -> BackupScript.script(request("TFLOWF", BackupType.FULL, folder), false));
    }

    @Test
    void controlCharactersCannotEnterAnIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> TSql.identifier("TFLOWF\u0000"));
        assertThrows(IllegalArgumentException.class, () -> TSql.identifier("x".repeat(129)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQLPROD01;hostNameInCertificate=evil", "sql prod", "SQL01\\INST", "a=b", "",
            "host;socketFactoryClass=x"})
    void aServerNameThatCouldCarryConnectionPropertiesIsRefused(String host) {
        assertThrows(IllegalArgumentException.class, () -> new SqlServerTarget(host, 1433, null, true, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQLPROD01", "sqlprod01.corp.example.com", "10.1.2.3", "fe80::1", "SQL-DR_01"})
    void dnsAndNetbiosNamesAndAddressesAreHosts(String host) {
        assertEquals(host, new SqlServerTarget(host, 1433, null, true, false).host());
    }

    @Test
    void theDriverGetsEachConnectionPropertyOnItsOwnNeverAUrl() {
        JdbcSqlServer server = new JdbcSqlServer(new SqlServerTarget("SQLDR01", 1433, "WORKFLOW", true, false),
                "wfdr_backup", () -> "p;w=d");
        var source = server.dataSource();
        assertEquals("SQLDR01", source.getServerName());
        assertEquals("WORKFLOW", source.getInstanceName());
        assertEquals("master", source.getDatabaseName());
        assertEquals("true", source.getEncrypt());
    }
}
