package io.wfdr.snapshot.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Move a VM that runs at the DR host back to a production VM host")
public record FailbackRequest(
        @Schema(description = "The VM host to move it back to", required = true) @NotBlank String toHostId) {
}
