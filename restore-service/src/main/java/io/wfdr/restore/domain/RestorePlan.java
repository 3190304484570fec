package io.wfdr.restore.domain;

import java.time.Instant;
import java.util.List;

import io.wfdr.spine.contract.BackupType;

/**
 * What to restore, from where, and how long it will take: the guide's "restore TFLOWF onto the DR SQL Server as
 * TFLOWF_DR — the last full, then the differentials" as an exact, immutable list of steps.
 *
 * @param pointInTime {@code latest} or the ISO-8601 time asked for
 * @param restoresTo  the point the database will be at after the last step
 */
public record RestorePlan(String id, String databaseId, String databaseName, String pointInTime, Instant restoresTo,
        Target target, String newName, List<Step> steps, List<Move> moves, Reachable reachable, List<String> warnings,
        Prediction prediction, Instant createdAt) {

    /** The SQL Server the database is restored on, by the name it carries now, and its site. */
    public record Target(String serverId, String serverName, String siteId) {
    }

    /**
     * One RESTORE: the backup set, its position in the media set ({@code FILE =}), one file per stripe (one copy
     * chosen of each), whether the backup has checksums to verify, its bytes, and {@code STOPAT} on the last log.
     */
    public record Step(int order, BackupType type, String backupSetUuid, int position, List<StepFile> files,
            boolean withChecksum, long bytes, Instant stopAt) {
    }

    /** A stripe's file as the target SQL Server opens it, and the copy it is. */
    public record StepFile(int stripe, String path, String copyId, String siteId) {
    }

    /**
     * A {@code MOVE} of a logical file: to the target's data or log folder ({@code folder} explicit, or null for the
     * instance's default path), under a name made from the new database name.
     */
    public record Move(String logicalName, String fileType, String folder, String physicalName) {
    }

    /** The latest point the catalog can reach and why nothing later can be. */
    public record Reachable(Instant earliest, Instant latest, String whyNotLater) {
    }

    /**
     * The predicted duration and its inputs: bytes of full and differential restores at a throughput, and a time per
     * log backup, learned from the target's recent restores ({@code dataRestoresMeasured}, {@code
     * logRestoresMeasured} of them). {@code measured} is false while an input the plan needs is still the documented
     * default; {@code unmeasured} names those inputs.
     */
    public record Prediction(long seconds, boolean measured, long bytesToRestore, int logBackups,
            double bytesPerSecond, double secondsPerLog, int dataRestoresMeasured, int logRestoresMeasured,
            List<String> unmeasured) {
    }
}
