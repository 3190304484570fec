package io.wfdr.inventory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The guide's rules for a DR server kept offline: the same TRANSFLO Server and Workflow versions as production,
 * and every Workflow process and form that production has, at the same version.
 */
public final class DriftRules {

    private DriftRules() {
    }

    public static DriftReport compare(ServerPair pair, Server production, Server dr,
            List<Deployment> productionDeployments, List<Deployment> drDeployments) {
        List<DriftReport.DriftItem> items = new ArrayList<>();
        version(items, DriftReport.DriftKind.TRANSFLO_VERSION, "TRANSFLO Server", production.transfloVersion,
                dr.transfloVersion);
        version(items, DriftReport.DriftKind.WORKFLOW_VERSION, "Workflow", production.workflowVersion,
                dr.workflowVersion);
        items.addAll(deployments(productionDeployments, drDeployments));
        return new DriftReport(pair.id, production.id, production.name, dr.id, dr.name, items.isEmpty(), items);
    }

    private static void version(List<DriftReport.DriftItem> items, DriftReport.DriftKind kind, String product,
            String production, String dr) {
        if (!Objects.equals(blankToNull(production), blankToNull(dr))) {
            items.add(new DriftReport.DriftItem(kind, product, production, dr));
        }
    }

    private static List<DriftReport.DriftItem> deployments(List<Deployment> production, List<Deployment> dr) {
        Map<String, Deployment> onDr = dr.stream()
                .collect(Collectors.toMap(Deployment::artifact, Function.identity(), (a, b) -> a));
        return production.stream()
                .sorted(Comparator.comparing(Deployment::artifact))
                .map(p -> {
                    Deployment d = onDr.get(p.artifact());
                    if (d == null) {
                        return new DriftReport.DriftItem(DriftReport.DriftKind.MISSING_DEPLOYMENT, p.artifact(),
                                p.version, null);
                    }
                    return d.version.equals(p.version) ? null
                            : new DriftReport.DriftItem(DriftReport.DriftKind.DEPLOYMENT_VERSION, p.artifact(),
                                    p.version, d.version);
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
