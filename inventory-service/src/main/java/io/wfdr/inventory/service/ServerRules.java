package io.wfdr.inventory.service;

import java.util.Map;
import java.util.TreeMap;

import io.wfdr.inventory.domain.ComputerName;
import io.wfdr.inventory.domain.Host;
import io.wfdr.inventory.domain.HostKind;
import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.RemoteShellAccess;
import io.wfdr.inventory.domain.SecretReference;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.domain.SiteRole;
import io.wfdr.inventory.domain.WorkflowUrl;
import io.wfdr.spine.problem.Violations;

/**
 * What an operator gets wrong when describing servers and pairs, checked the same way for a single request and
 * for a bulk import ({@code path} prefixes each field, e.g. {@code servers[3].}).
 */
final class ServerRules {

    private ServerRules() {
    }

    static void checkServer(String path, Server server, Site site, Host host, String hostField, Violations v) {
        ComputerName.problemWith(server.name).ifPresent(p -> v.add(path + "name", p));
        if (server.machineType == MachineType.VIRTUAL_MACHINE && host == null) {
            v.add(path + hostField, "a virtual machine needs the VM host it runs on");
        }
        if (server.machineType == MachineType.PHYSICAL_MACHINE && host != null) {
            v.add(path + hostField, "a physical machine does not run on a VM host; leave it out");
        }
        if (host != null && host.kind != HostKind.VM_HOST) {
            v.add(path + hostField, "host " + host.name + " is a physical machine, not a VM host");
        }
        if (host != null && site != null && !host.siteId.equals(site.id)) {
            v.add(path + hostField, "VM host " + host.name + " is at another site than " + site.name);
        }
        if (server.isDatabaseServer() && server.sqlServerVersion == null) {
            v.add(path + "sqlServer", "a database server needs its SQL Server version and service pack");
        }
        checkWindowsServices(path, server, v);
        checkRemoteShell(path, server.remoteShell, v);
        checkWorkflowUrl(path, server, v);
    }

    /** Windows sees one service whatever the case of its name: listing it twice would stop it twice. */
    private static void checkWindowsServices(String path, Server server, Violations v) {
        Map<String, Integer> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < server.windowsServices.size(); i++) {
            String name = server.windowsServices.get(i);
            if (name == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                v.add(path + "windowsServices[" + i + "]", "names the service of windowsServices[" + first
                        + "] again; Windows service names are the same whatever their case");
            }
        }
    }

    /** The account's secret is a reference, checked as a SQL login's is: a password here is refused. */
    private static void checkRemoteShell(String path, RemoteShellAccess shell, Violations v) {
        if (shell != null) {
            SecretReference.problemWith(shell.secretRef).ifPresent(p -> v.add(path + "remoteShell.secretRef", p));
        }
    }

    private static void checkWorkflowUrl(String path, Server server, Violations v) {
        if (server.workflowUrl == null) {
            return;
        }
        if (!server.isWorkflowWebServer()) {
            v.add(path + "workflowUrl", "only a Workflow Web Server answers on a Workflow URL; this server's roles "
                    + "are " + server.roles + ", leave it out");
            return;
        }
        WorkflowUrl.problemWith(server.workflowUrl).ifPresent(p -> v.add(path + "workflowUrl", p));
    }

    static void checkPair(String path, Server production, Site productionSite, Server dr, Site drSite,
            String productionField, String drField, Violations v) {
        if (production.id.equals(dr.id)) {
            v.add(path + drField, "a server cannot be its own DR server");
            return;
        }
        if (productionSite.role != SiteRole.PRODUCTION) {
            v.add(path + productionField, "server " + production.name + " is at " + productionSite.name
                    + ", which is not a production site");
        }
        if (drSite.role != SiteRole.DR) {
            v.add(path + drField, "server " + dr.name + " is at " + drSite.name + ", which is not a DR site");
        }
        if (!production.environmentId.equals(dr.environmentId)) {
            v.add(path + drField, "server " + dr.name + " belongs to another environment");
        }
        if (!production.roles.equals(dr.roles)) {
            v.add(path + drField, "server " + dr.name + " has the roles " + dr.roles + " but production server "
                    + production.name + " has " + production.roles + "; a DR server must have the same role");
        }
    }
}
