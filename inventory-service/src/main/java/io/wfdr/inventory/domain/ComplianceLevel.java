package io.wfdr.inventory.domain;

/** How a server measures against the guide's requirement tables, best first. */
public enum ComplianceLevel {
    RECOMMENDED, MINIMUM, BELOW_MINIMUM, UNSUPPORTED
}
