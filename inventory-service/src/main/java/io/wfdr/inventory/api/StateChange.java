package io.wfdr.inventory.api;

import io.wfdr.inventory.service.FailoverService;
import jakarta.validation.constraints.Size;

/** Why a state changes, for the audit trail and the events: "deploy process Invoice 3.2", "ticket INC-4711". */
public record StateChange(@Size(max = FailoverService.MAX_REASON) String reason) {

    /** The body is optional: without one (or without a reason) the change is recorded with its default reason. */
    public static final String OPTIONAL = "Optional: why (e.g. the ticket), at most 200 characters; without it the "
            + "change is recorded with its default reason.";

    public String reasonOr(String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }
}
