package io.wfdr.inventory.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The guide's requirement tables, as stored data. */
public record RequirementTables(List<HardwareRequirement> hardware, List<SupportedPlatform> platforms) {

    /** The strictest requirement on a component across the server's roles. */
    public Optional<HardwareRequirement> strictest(Server server, HardwareComponent component) {
        return hardware.stream()
                .filter(r -> r.component == component && server.roles.contains(r.role))
                .reduce((a, b) -> stricter(a, b));
    }

    public List<SupportedPlatform> of(SupportedPlatform.Kind kind) {
        return platforms.stream().filter(p -> p.kind == kind).toList();
    }

    private static HardwareRequirement stricter(HardwareRequirement a, HardwareRequirement b) {
        HardwareRequirement merged = new HardwareRequirement();
        merged.role = a.role;
        merged.component = a.component;
        merged.minimum = a.minimum.max(b.minimum);
        merged.recommended = a.recommended.max(b.recommended);
        return merged;
    }

    static BigDecimal valueOf(Server server, HardwareComponent component) {
        return switch (component) {
            case PROCESSOR_CORES -> server.totalCores() == null ? null : BigDecimal.valueOf(server.totalCores());
            case PROCESSOR_CLOCK_GHZ -> server.clockGhz;
            case MEMORY_GB -> server.memoryGb;
            case DISK_GB -> server.diskGb;
        };
    }
}
