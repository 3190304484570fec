package io.wfdr.backup.api;

/**
 * What a restore to the newest point would apply today, from the catalog: the full, the newest differential on it
 * and the log backups after it, counted and sized (as stored on disk).
 */
public record RestoreWork(int backups, long bytes, int logBackups) {
}
