package io.wfdr.restore.api;

import jakarta.validation.constraints.Size;

/** An approver's agreement, with an optional note. */
public record ApprovalRequest(@Size(max = 2000) String note) {
}
