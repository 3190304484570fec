package io.wfdr.snapshot.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How much work a disaster at the VM's site would lose now: the age of the VM's newest "
        + "snapshot replicated to and verified at the DR VM host, against the target (the policy's incremental "
        + "interval plus a grace). Without a good snapshot yet, ageSeconds and breached are null and reason says why.")
public record VmRpo(
        String vmId,
        @Schema(description = "The VM's name") String vmName,
        @Schema(description = "The newest snapshot good at the DR VM host; null when there is none")
        String newestGoodSnapshotId,
        @Schema(description = "When it was taken") Instant newestGoodAt,
        @Schema(description = "Seconds since it was taken; null without one") Long ageSeconds,
        @Schema(description = "The policy's incremental interval plus the grace, in seconds") long targetSeconds,
        @Schema(description = "Whether ageSeconds is over targetSeconds; null without a good snapshot")
        Boolean breached,
        @Schema(description = "Why it is breached or unknown, in words; null when met") String reason) {
}
