package io.wfdr.inventory.api;

import java.math.BigDecimal;
import java.util.List;

import io.wfdr.inventory.domain.HardwareComponent;
import io.wfdr.inventory.domain.ServerRole;

/** The guide's requirement tables as the compliance checks read them. */
public record RequirementsView(List<HardwareRow> hardware, List<PlatformRow> fileSystems,
        List<PlatformRow> operatingSystems, List<PlatformRow> sqlServers, List<PlatformRow> browsers) {

    public record HardwareRow(ServerRole role, HardwareComponent component, String unit, BigDecimal minimum,
            BigDecimal recommended) {
    }

    public record PlatformRow(String product, String servicePack, String additionalRequirement) {
    }
}
