package io.wfdr.restore.sqlserver;

/** One row of {@code RESTORE FILELISTONLY}: a logical file, where production kept it, its type (D, L, F, S), size. */
public record BackupFile(String logicalName, String physicalName, String type, long sizeBytes) {
}
