package io.wfdr.inventory.service;

import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

import io.wfdr.inventory.api.RemoteShell;
import io.wfdr.inventory.api.ServerRequest;
import io.wfdr.inventory.domain.RemoteShellAccess;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerState;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.domain.SiteRole;

/** Copies a server description onto a server entity. */
final class ServerFields {

    private ServerFields() {
    }

    static void apply(Server server, ServerRequest r, Site site, String hostId) {
        server.name = r.name();
        server.siteId = site.id;
        server.environmentId = site.environmentId;
        server.roles = EnumSet.copyOf(r.roles());
        server.machineType = r.machineType();
        server.hostId = hostId;
        server.cpuSockets = r.hardware().cpuSockets();
        server.coresPerSocket = r.hardware().coresPerSocket();
        server.clockGhz = r.hardware().clockGhz();
        server.memoryGb = r.hardware().memoryGb();
        server.diskGb = r.hardware().diskGb();
        server.fileSystem = r.hardware().fileSystem();
        server.osName = r.operatingSystem().name();
        server.osServicePack = blankToEmpty(r.operatingSystem().servicePack());
        server.sqlServerVersion = r.sqlServer() == null ? null : r.sqlServer().version();
        server.sqlServerServicePack = r.sqlServer() == null ? null : blankToEmpty(r.sqlServer().servicePack());
        server.transfloVersion = r.software() == null ? null : r.software().transfloVersion();
        server.workflowVersion = r.software() == null ? null : r.software().workflowVersion();
        server.browser = r.software() == null ? null : r.software().browser();
        server.installedUpdates = r.software() == null ? null : r.software().updates().stream()
                .map(kb -> kb.trim().toUpperCase(Locale.ROOT)).distinct().collect(Collectors.joining(","));
        server.windowsServices = r.windowsServices();
        server.remoteShell = remoteShell(r.remoteShell());
        server.workflowUrl = r.workflowUrl();
    }

    private static RemoteShellAccess remoteShell(RemoteShell shell) {
        return shell == null ? null
                : new RemoteShellAccess(shell.port(), shell.user(), shell.secretRef(), shell.hostKeyFingerprint());
    }

    /** A new server starts online at a production site and offline standby at a DR site, unless told otherwise. */
    static ServerState initialState(ServerRequest r, Site site) {
        if (r.state() != null) {
            return r.state();
        }
        return site.role == SiteRole.PRODUCTION ? ServerState.ONLINE : ServerState.OFFLINE_STANDBY;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
