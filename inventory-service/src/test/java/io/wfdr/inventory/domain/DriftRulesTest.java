package io.wfdr.inventory.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The guide: the DR server runs the same versions as production and has every process and form deployed. */
class DriftRulesTest {

    private final ServerPair pair = new ServerPair();
    private final Server production = server("p", "WFPROD01");
    private final Server dr = server("d", "WFDR01");

    @Test
    void drServerWithTheSameVersionsAndDeploymentsIsInStep() {
        DriftReport report = DriftRules.compare(pair, production, dr, List.of(deployment("Invoice", "3.2")),
                List.of(deployment("Invoice", "3.2")));
        assertTrue(report.inSync());
    }

    @Test
    void drServerMustRunTheSameTransfloAndWorkflowVersions() {
        dr.transfloVersion = "9.3";
        dr.workflowVersion = "11.3";
        DriftReport report = DriftRules.compare(pair, production, dr, List.of(), List.of());
        assertFalse(report.inSync());
        assertEquals(List.of(DriftReport.DriftKind.TRANSFLO_VERSION, DriftReport.DriftKind.WORKFLOW_VERSION),
                report.items().stream().map(DriftReport.DriftItem::kind).toList());
    }

    @Test
    void everyProcessAndFormDeployedToProductionMustBeOnTheDrServer() {
        DriftReport report = DriftRules.compare(pair, production, dr,
                List.of(deployment("Invoice", "3.2"), deployment("Claims", "1.0")), List.of(deployment("Invoice", "3.1")));
        assertEquals(2, report.items().size());
        assertEquals(DriftReport.DriftKind.MISSING_DEPLOYMENT, report.items().get(0).kind());
        assertEquals("PROCESS Claims", report.items().get(0).artifact());
        assertEquals(DriftReport.DriftKind.DEPLOYMENT_VERSION, report.items().get(1).kind());
    }

    @Test
    void extraDeploymentsOnTheDrServerAreNoDrift() {
        assertTrue(DriftRules.compare(pair, production, dr, List.of(), List.of(deployment("Old", "1"))).inSync());
    }

    private static Server server(String id, String name) {
        Server server = new Server();
        server.id = id;
        server.name = name;
        server.transfloVersion = "9.4";
        server.workflowVersion = "11.4";
        return server;
    }

    private static Deployment deployment(String name, String version) {
        Deployment d = new Deployment();
        d.kind = DeploymentKind.PROCESS;
        d.name = name;
        d.version = version;
        return d;
    }
}
