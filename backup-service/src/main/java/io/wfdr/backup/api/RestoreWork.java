package io.wfdr.backup.api;

/**
 * What a restore to the newest point would apply today, from the catalog: the full, the newest differential on it
 * and the log backups after it, counted and sized (as stored on disk); and, at the policy's worst moment (just
 * before the next full, the differential holding a whole period of change), how many bytes that becomes.
 */
public record RestoreWork(int backups, long bytes, int logBackups, long estimatedBytesAtWorst) {
}
