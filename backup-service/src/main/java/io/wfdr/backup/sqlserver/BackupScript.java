package io.wfdr.backup.sqlserver;

import io.wfdr.spine.tsql.TSql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.wfdr.spine.contract.BackupType;

/**
 * Builds the exact T-SQL of a backup, the same text that runs and that script-only shows. Every identifier and
 * literal goes through {@link TSql}; the folder must be an absolute Windows, UNC or Linux path.
 * <p>
 * A backup never appends to or overwrites a file: its name is unique per operation, and {@code NOINIT, NOSKIP}
 * with a media name of its own makes SQL Server refuse (error 4037) a file that already holds another media set,
 * where {@code INIT} or {@code FORMAT} would overwrite it and a bare {@code NOINIT} would append to it.
 */
public final class BackupScript {

    static final int STATS_PERCENT = 5;
    /** A new media set holds one backup set: it is always at position 1. */
    public static final int POSITION = 1;
    static final int MAX_NAME = 128;
    private static final int KB64 = 64 * 1024;
    private static final int MAX_TRANSFER = 4 * 1024 * 1024;
    private static final int NAME_PART = 48;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern WINDOWS = Pattern.compile("[A-Za-z]:\\\\.*");
    private static final Pattern UNC = Pattern.compile("\\\\\\\\[^\\\\]+\\\\[^\\\\]+.*");
    private static final Pattern FORBIDDEN_IN_PATH = Pattern.compile("[*?\"<>|\\p{Cntrl}]");

    private BackupScript() {
    }

    /** The statements, in order: the BACKUP itself and, if asked, RESTORE VERIFYONLY of the backup set written. */
    public static List<String> statements(BackupRequest request, boolean verify) {
        String file = filePath(request);
        List<String> statements = new ArrayList<>();
        statements.add(backup(request, file));
        if (verify) {
            statements.add(verifyOnly(file, request.checksum()));
        }
        return statements;
    }

    public static String script(BackupRequest request, boolean verify) {
        return String.join("\n", statements(request, verify)) + "\n";
    }

    public static String verifyOnly(String file, boolean checksum) {
        return "RESTORE VERIFYONLY FROM DISK = " + TSql.literal(file) + " WITH FILE = " + POSITION
                + (checksum ? ", CHECKSUM" : "") + ";";
    }

    /** Refuses what SQL Server would refuse or silently change, before anything runs. */
    public static void check(BackupRequest request) {
        if (request.type() == BackupType.DIFFERENTIAL && request.copyOnly()) {
            throw new IllegalArgumentException("SQL Server ignores COPY_ONLY on a differential backup and takes an "
                    + "ordinary differential (BACKUP: \"If DIFFERENTIAL and COPY_ONLY are used together, COPY_ONLY "
                    + "is ignored\"); ask for a copy-only FULL instead");
        }
        request.maxTransferSize().ifPresent(BackupScript::checkMaxTransferSize);
        request.bufferCount().ifPresent(BackupScript::checkBufferCount);
        TSql.identifier(request.database());
        request.encryptionCertificate().ifPresent(TSql::identifier);
        checkedFolder(request.folder());
    }

    public static void checkMaxTransferSize(int bytes) {
        if (bytes < KB64 || bytes > MAX_TRANSFER || bytes % KB64 != 0) {
            throw new IllegalArgumentException("MAXTRANSFERSIZE must be a multiple of 65536 bytes (64 KB) from 65536 "
                    + "to 4194304 (4 MB)");
        }
    }

    public static void checkBufferCount(int count) {
        if (count < 1 || count > 2048) {
            throw new IllegalArgumentException("BUFFERCOUNT must be from 1 to 2048 (each buffer takes "
                    + "MAXTRANSFERSIZE bytes of the server's memory)");
        }
    }

    static String backup(BackupRequest request, String file) {
        check(request);
        String what = request.type() == BackupType.LOG ? "LOG" : "DATABASE";
        List<String> options = new ArrayList<>();
        if (request.type() == BackupType.DIFFERENTIAL) {
            options.add("DIFFERENTIAL");
        }
        if (request.copyOnly()) {
            options.add("COPY_ONLY");
        }
        options.add("NOINIT, NOSKIP, MEDIANAME = " + TSql.literal(mediaName(request)));
        options.add(request.checksum() ? "CHECKSUM" : "NO_CHECKSUM");
        options.add(request.compression() ? "COMPRESSION" : "NO_COMPRESSION");
        request.encryptionCertificate().ifPresent(cert ->
                options.add("ENCRYPTION (ALGORITHM = AES_256, SERVER CERTIFICATE = " + TSql.identifier(cert) + ")"));
        request.maxTransferSize().ifPresent(size -> options.add("MAXTRANSFERSIZE = " + size));
        request.bufferCount().ifPresent(count -> options.add("BUFFERCOUNT = " + count));
        options.add("NAME = " + TSql.literal(backupSetName(request)));
        options.add("STATS = " + STATS_PERCENT);
        return "BACKUP " + what + " " + TSql.identifier(request.database()) + " TO DISK = " + TSql.literal(file)
                + " WITH " + String.join(", ", options) + ";";
    }

    /**
     * {@code <folder><sep><server>-<database>-<TYPE>[-COPYONLY]-<yyyyMMddTHHmmssSSSZ>-<operation>.bak|.trn}: the
     * names made safe for any file system without two names ever becoming one, the operation making it unique.
     */
    public static String filePath(BackupRequest request) {
        String folder = checkedFolder(request.folder());
        String separator = folder.startsWith("/") ? "/" : "\\";
        String base = folder.endsWith(separator) ? folder : folder + separator;
        String extension = request.type() == BackupType.LOG ? ".trn" : ".bak";
        return base + fileSafe(request.server()) + "-" + fileSafe(request.database()) + "-" + request.type()
                + (request.copyOnly() ? "-COPYONLY" : "") + "-" + STAMP.format(request.startedAt()) + "-"
                + shortId(request.operationId()) + extension;
    }

    public static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
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

    /**
     * Letters and digits stay; every other character becomes {@code _} and its four hex digits, so two different
     * names never share a file name ({@code Sales DB} is {@code Sales_0020DB}, {@code Sales_DB} is
     * {@code Sales_005FDB}). A long result keeps its start and a hash of the whole name.
     */
    static String fileSafe(String name) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                safe.append(c);
            } else {
                safe.append('_').append(String.format("%04X", (int) c));
            }
        }
        if (safe.length() <= NAME_PART) {
            return safe.toString();
        }
        return safe.substring(0, NAME_PART - 17) + "_" + sha256(name).substring(0, 16);
    }

    private static String shortId(String operationId) {
        String id = operationId == null ? "" : operationId.replace("-", "");
        if (!id.matches("[0-9A-Fa-f]{8,32}")) {
            throw new IllegalArgumentException("an operation id is a UUID: " + operationId);
        }
        return id.substring(0, Math.min(12, id.length())).toLowerCase(java.util.Locale.ROOT);
    }

    private static String mediaName(BackupRequest request) {
        return "wfdr " + request.operationId();
    }

    /** NAME holds at most 128 characters; the database name is shortened to fit, the rest always stays. */
    private static String backupSetName(BackupRequest request) {
        String tail = " " + STAMP.format(request.startedAt());
        String head = "wfdr " + request.type().name().toLowerCase() + (request.copyOnly() ? " copy-only " : " ");
        int room = MAX_NAME - head.length() - tail.length();
        String database = request.database().length() <= room ? request.database()
                : request.database().substring(0, room - 1) + "…";
        return head + database + tail;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
