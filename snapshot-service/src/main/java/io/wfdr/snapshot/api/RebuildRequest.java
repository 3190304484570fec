package io.wfdr.snapshot.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Create every VM of a lost VM host on a DR VM host from the replicas there")
public record RebuildRequest(
        @Schema(description = "The DR VM host to create them on", required = true) @NotBlank String drHostId) {
}
