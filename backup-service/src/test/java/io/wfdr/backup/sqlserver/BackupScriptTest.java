package io.wfdr.backup.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import io.wfdr.backup.domain.BackupType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BackupScriptTest {

    private static final Instant AT = Instant.parse("2026-11-25T03:00:00Z");

    private static BackupRequest request(String database, BackupType type, String folder) {
        return new BackupRequest(database, type, false, folder, AT, true, true, Optional.empty());
    }

    @Test
    void fullBackupOfTflowfWithChecksumCompressionAndProgress() {
        assertEquals("""
                BACKUP DATABASE [TFLOWF] TO DISK = N'D:\\Backup\\TFLOWF_FULL_20261125T030000Z.bak' \
                WITH CHECKSUM, COMPRESSION, NAME = N'wfdr full TFLOWF 20261125T030000Z', STATS = 5;
                RESTORE VERIFYONLY FROM DISK = N'D:\\Backup\\TFLOWF_FULL_20261125T030000Z.bak' WITH CHECKSUM;
                """, BackupScript.script(request("TFLOWF", BackupType.FULL, "D:\\Backup"), true));
    }

    @Test
    void differentialCopyOnlyEncryptedOnAShare() {
        BackupRequest request = new BackupRequest("TRANSFLO", BackupType.DIFFERENTIAL, true, "\\\\nas01\\sql\\", AT,
                false, false, Optional.of("wfdr backup cert"));
        assertEquals("BACKUP DATABASE [TRANSFLO] TO DISK = N'\\\\nas01\\sql\\TRANSFLO_DIFFERENTIAL_20261125T030000Z.bak' "
                + "WITH DIFFERENTIAL, COPY_ONLY, NO_CHECKSUM, NO_COMPRESSION, "
                + "ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = [wfdr backup cert]), "
                + "NAME = N'wfdr differential TRANSFLO 20261125T030000Z', STATS = 5;\n",
                BackupScript.script(request, false));
    }

    @Test
    void logBackupGoesToATrnFileOnLinux() {
        assertEquals("BACKUP LOG [TFLOWF] TO DISK = N'/var/opt/mssql/backup/TFLOWF_LOG_20261125T030000Z.trn' "
                + "WITH CHECKSUM, COMPRESSION, NAME = N'wfdr log TFLOWF 20261125T030000Z', STATS = 5;\n",
                BackupScript.script(request("TFLOWF", BackupType.LOG, "/var/opt/mssql/backup"), false));
    }

    @Test
    void aHostileDatabaseNameStaysOneQuotedIdentifier() {
        String hostile = "TFLOWF]; DROP DATABASE [master]; --";
        String sql = BackupScript.script(request(hostile, BackupType.FULL, "D:\\Backup"), false);
        assertTrue(sql.startsWith("BACKUP DATABASE [TFLOWF]]; DROP DATABASE [master]]; --] TO DISK = "), sql);
        assertTrue(sql.contains("N'D:\\Backup\\TFLOWF___DROP_DATABASE__master___--_FULL_20261125T030000Z.bak'"), sql);
        assertTrue(sql.contains("NAME = N'wfdr full TFLOWF]; DROP DATABASE [master]; -- 20261125T030000Z'"), sql);
    }

    @Test
    void aQuoteInTheFolderIsDoubledInsideTheLiteral() {
        String sql = BackupScript.script(request("TFLOWF", BackupType.FULL, "D:\\O'Brien's backups"), false);
        assertTrue(sql.contains("TO DISK = N'D:\\O''Brien''s backups\\TFLOWF_FULL_20261125T030000Z.bak'"), sql);
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
}
