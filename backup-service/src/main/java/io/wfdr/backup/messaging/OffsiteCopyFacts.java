package io.wfdr.backup.messaging;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.wfdr.backup.domain.OffsiteCopy;

/**
 * One file of a backup set at one destination, as every copy event carries it: where this service wrote it, where
 * a SQL Server at the destination's site opens it ({@code restorePath}), and what it must hash to.
 */
public record OffsiteCopyFacts(String copyId, String backupSetUuid, int stripe, String hostId, String siteId,
        String path, String restorePath, String manifestPath, String sha256,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long bytes) {

    public static OffsiteCopyFacts of(OffsiteCopy copy) {
        return new OffsiteCopyFacts(copy.id, copy.backupSetId, copy.stripe == null ? 1 : copy.stripe, copy.hostId,
                copy.siteId, copy.path, copy.restorePath, copy.manifestPath, copy.sha256, copy.bytes);
    }
}
