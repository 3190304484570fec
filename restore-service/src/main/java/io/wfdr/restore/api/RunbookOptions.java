package io.wfdr.restore.api;

import jakarta.validation.constraints.Pattern;

/**
 * A change to a runbook before it runs (or while it is paused or failed): the DBCC CHECKDB mode, and whether it
 * restores over an existing database. Any change after approval voids the approval.
 */
public record RunbookOptions(@Pattern(regexp = "PHYSICAL_ONLY|FULL", message = "must be PHYSICAL_ONLY or FULL")
        String checkDb, Boolean replace) {
}
