package io.wfdr.spine.transfer;

import java.nio.file.Path;

/**
 * One file copied to one destination and verified there.
 *
 * @param resumedFrom how many bytes an earlier, interrupted copy had already written (0 for a fresh copy)
 * @param readBackDirect whether the verification read the destination's storage past the page cache
 */
public record CopyResult(Path source, Path destination, long bytes, String sha256, long resumedFrom,
        boolean readBackDirect) {
}
