package io.wfdr.backup.sqlserver;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.wfdr.backup.domain.BackupType;

/**
 * Builds the exact T-SQL of a backup, the same text that runs and that script-only shows. Every identifier and
 * literal goes through {@link TSql}; the folder must be an absolute Windows, UNC or Linux path.
 */
public final class BackupScript {

    static final int STATS_PERCENT = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern WINDOWS = Pattern.compile("[A-Za-z]:\\\\.*");
    private static final Pattern UNC = Pattern.compile("\\\\\\\\[^\\\\]+\\\\[^\\\\]+.*");
    private static final Pattern FORBIDDEN_IN_PATH = Pattern.compile("[*?\"<>|\\p{Cntrl}]");

    private BackupScript() {
    }

    /** The statements, in order: the BACKUP itself and, if asked, RESTORE VERIFYONLY of the file just written. */
    public static List<String> statements(BackupRequest request, boolean verify) {
        String file = filePath(request);
        List<String> statements = new ArrayList<>();
        statements.add(backup(request, file));
        if (verify) {
            statements.add("RESTORE VERIFYONLY FROM DISK = " + TSql.literal(file)
                    + (request.checksum() ? " WITH CHECKSUM" : "") + ";");
        }
        return statements;
    }

    public static String script(BackupRequest request, boolean verify) {
        return String.join("\n", statements(request, verify)) + "\n";
    }

    static String backup(BackupRequest request, String file) {
        String what = request.type() == BackupType.LOG ? "LOG" : "DATABASE";
        List<String> options = new ArrayList<>();
        if (request.type() == BackupType.DIFFERENTIAL) {
            options.add("DIFFERENTIAL");
        }
        if (request.copyOnly()) {
            options.add("COPY_ONLY");
        }
        options.add(request.checksum() ? "CHECKSUM" : "NO_CHECKSUM");
        options.add(request.compression() ? "COMPRESSION" : "NO_COMPRESSION");
        request.encryptionCertificate().ifPresent(cert ->
                options.add("ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = " + TSql.identifier(cert) + ")"));
        options.add("NAME = " + TSql.literal(backupSetName(request)));
        options.add("STATS = " + STATS_PERCENT);
        return "BACKUP " + what + " " + TSql.identifier(request.database()) + " TO DISK = " + TSql.literal(file)
                + " WITH " + String.join(", ", options) + ";";
    }

    /** {@code <folder><sep><database>_<TYPE>_<yyyyMMddTHHmmssZ>.bak|.trn}, the name made safe for any file system. */
    public static String filePath(BackupRequest request) {
        String folder = checkedFolder(request.folder());
        String separator = folder.startsWith("/") ? "/" : "\\";
        String base = folder.endsWith(separator) ? folder : folder + separator;
        String extension = request.type() == BackupType.LOG ? ".trn" : ".bak";
        return base + fileSafe(request.database()) + "_" + request.type() + "_" + STAMP.format(request.startedAt())
                + extension;
    }

    public static String checkedFolder(String folder) {
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("the backup folder is missing");
        }
        boolean absolute = folder.startsWith("/") || WINDOWS.matcher(folder).matches() || UNC.matcher(folder).matches();
        if (!absolute) {
            throw new IllegalArgumentException("the backup folder must be an absolute path (D:\\Backup, "
                    + "\\\\server\\share or /var/opt/mssql/backup): " + folder);
        }
        if (FORBIDDEN_IN_PATH.matcher(folder).find() || folder.contains("..")) {
            throw new IllegalArgumentException("the backup folder contains characters a path must not have: " + folder);
        }
        return folder;
    }

    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String backupSetName(BackupRequest request) {
        return "wfdr " + request.type().name().toLowerCase() + " " + request.database() + " "
                + STAMP.format(request.startedAt());
    }
}
