package io.wfdr.inventory.api;

import jakarta.validation.constraints.Size;

/** The TRANSFLO Server and Workflow versions installed; a DR server must match its production server. */
public record InstalledSoftware(@Size(max = 50) String transfloVersion, @Size(max = 50) String workflowVersion) {
}
