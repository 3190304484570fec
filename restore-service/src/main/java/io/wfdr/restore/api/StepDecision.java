package io.wfdr.restore.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An operator's word on a step: what was done by hand (complete), or why it is skipped (skip). */
public record StepDecision(@NotBlank @Size(max = 2000) String note) {
}
