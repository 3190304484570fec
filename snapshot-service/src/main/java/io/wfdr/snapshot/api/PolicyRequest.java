package io.wfdr.snapshot.api;

import io.wfdr.snapshot.domain.SnapshotPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A VM's snapshot policy. The full is taken daily inside the window from {@code fullWindowStart} to {@code
 * fullWindowEnd} (HH:mm in {@code zone}; an end before the start crosses midnight); an incremental every {@code
 * incrementalEveryMinutes} (5 to 720: an incremental must be exported and replicated before the next one is due, and
 * at least one falls between two fulls). With {@code replicate} (default true) every snapshot is replicated to
 * {@code drHostId}, by default the one VM host at a DR site of the VM's environment. Retention keeps the newest
 * {@code fullChainsToKeepAtSource} chains (a full and its incrementals) on the VM's host and {@code
 * fullChainsToKeepAtDr} (default: as many) on the DR VM host, and only drops chains whole.
 */
public record PolicyRequest(
        @Schema(description = "When the full window opens, HH:mm in zone")
        @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm") String fullWindowStart,
        @Schema(description = "When it closes, HH:mm in zone; before the start: the next day")
        @NotNull @Pattern(regexp = HH_MM, message = "must be HH:mm") String fullWindowEnd,
        @Schema(description = "The time zone id of the window, e.g. America/New_York")
        @NotBlank @Size(max = 60) String zone,
        @Schema(description = "Minutes between incrementals, 5 to 720")
        @NotNull @Min(SnapshotPolicy.MIN_INCREMENTAL_MINUTES) @Max(SnapshotPolicy.MAX_INCREMENTAL_MINUTES)
        Integer incrementalEveryMinutes,
        @Schema(description = "Whether every snapshot is replicated to the DR VM host; true when left out")
        Boolean replicate,
        @Schema(description = "The VM host to replicate to; when left out, the one VM host at a DR site of the VM's "
                + "environment")
        @Size(max = 36) String drHostId,
        @Schema(description = "Whole chains (a full and its incrementals) the VM's host keeps, 1 to 90")
        @NotNull @Min(SnapshotPolicy.MIN_CHAINS) @Max(SnapshotPolicy.MAX_CHAINS) Integer fullChainsToKeepAtSource,
        @Schema(description = "Whole chains the DR VM host keeps, 1 to 90; as many as at the source when left out")
        @Min(SnapshotPolicy.MIN_CHAINS) @Max(SnapshotPolicy.MAX_CHAINS) Integer fullChainsToKeepAtDr) {

    static final String HH_MM = "([01]\\d|2[0-3]):[0-5]\\d";
}
