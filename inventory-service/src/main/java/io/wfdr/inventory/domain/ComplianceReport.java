package io.wfdr.inventory.domain;

import java.util.List;

/** How a server measures against the requirement tables: the overall level and every reason for it. */
public record ComplianceReport(String serverId, String serverName, ComplianceLevel level, List<Finding> findings) {

    /** One requirement checked: its level and, in words, why. */
    public record Finding(String requirement, ComplianceLevel level, String detail) {
    }
}
