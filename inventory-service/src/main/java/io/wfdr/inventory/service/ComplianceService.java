package io.wfdr.inventory.service;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.wfdr.inventory.api.EnvironmentCompliance;
import io.wfdr.inventory.api.RequirementsView;
import io.wfdr.inventory.domain.ComplianceLevel;
import io.wfdr.inventory.domain.ComplianceReport;
import io.wfdr.inventory.domain.ComplianceRules;
import io.wfdr.inventory.domain.HardwareRequirement;
import io.wfdr.inventory.domain.RequirementTables;
import io.wfdr.inventory.domain.SupportedPlatform;
import io.wfdr.inventory.repository.EnvironmentRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Requirement compliance per server and per environment, from the requirement tables stored as data. */
@ApplicationScoped
public class ComplianceService {

    private final ServerRepository servers;
    private final EnvironmentRepository environments;
    private final EntityManager em;

    ComplianceService(ServerRepository servers, EnvironmentRepository environments, EntityManager em) {
        this.servers = servers;
        this.environments = environments;
        this.em = em;
    }

    @Transactional
    public ComplianceReport ofServer(String serverId) {
        return ComplianceRules.evaluate(servers.require(serverId), tables());
    }

    @Transactional
    public EnvironmentCompliance ofEnvironment(String environmentId) {
        if (environments.findById(environmentId) == null) {
            throw new NotFoundProblem("Environment", environmentId);
        }
        RequirementTables tables = tables();
        List<ComplianceReport> reports = servers.list("environmentId", environmentId).stream()
                .map(server -> ComplianceRules.evaluate(server, tables))
                .sorted(Comparator.comparing(ComplianceReport::serverName))
                .toList();
        Map<ComplianceLevel, Long> counts = new EnumMap<>(ComplianceLevel.class);
        for (ComplianceLevel level : ComplianceLevel.values()) {
            counts.put(level, reports.stream().filter(r -> r.level() == level).count());
        }
        ComplianceLevel worst = reports.stream().map(ComplianceReport::level).max(Comparator.naturalOrder())
                .orElse(ComplianceLevel.RECOMMENDED);
        return new EnvironmentCompliance(environmentId, worst, counts, reports);
    }

    @Transactional
    public RequirementsView requirements() {
        RequirementTables tables = tables();
        List<RequirementsView.HardwareRow> hardware = tables.hardware().stream()
                .map(r -> new RequirementsView.HardwareRow(r.role, r.component, r.component.unit, r.minimum,
                        r.recommended))
                .toList();
        return new RequirementsView(hardware, rows(tables, SupportedPlatform.Kind.FILE_SYSTEM),
                rows(tables, SupportedPlatform.Kind.OPERATING_SYSTEM), rows(tables, SupportedPlatform.Kind.SQL_SERVER),
                rows(tables, SupportedPlatform.Kind.BROWSER));
    }

    RequirementTables tables() {
        List<HardwareRequirement> hardware = em
                .createQuery("from HardwareRequirement order by role, component", HardwareRequirement.class)
                .getResultList();
        List<SupportedPlatform> platforms = em
                .createQuery("from SupportedPlatform order by id", SupportedPlatform.class).getResultList();
        return new RequirementTables(hardware, platforms);
    }

    private static List<RequirementsView.PlatformRow> rows(RequirementTables tables, SupportedPlatform.Kind kind) {
        return tables.of(kind).stream()
                .map(p -> new RequirementsView.PlatformRow(p.product, p.servicePack, p.additionalRequirement))
                .toList();
    }
}
