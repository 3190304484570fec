package io.wfdr.restore.api;

import io.wfdr.restore.domain.RestorePlan;

/** A stored plan, and whether the catalog has changed since it was made ({@code stale}: make a new one). */
public record PlanView(RestorePlan plan, boolean stale) {
}
