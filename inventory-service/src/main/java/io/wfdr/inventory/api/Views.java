package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.Database;
import io.wfdr.inventory.domain.Deployment;
import io.wfdr.inventory.domain.Environment;
import io.wfdr.inventory.domain.Host;
import io.wfdr.inventory.domain.OdbcDsn;
import io.wfdr.inventory.domain.PairWithNames;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.domain.ServerRename;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.domain.SqlLogin;

/** The public shape of each inventory entity, for responses and event payloads alike. */
public final class Views {

    private Views() {
    }

    public static EnvironmentView of(Environment e) {
        return new EnvironmentView(e.id, e.name, e.description);
    }

    public static SiteView of(Site s) {
        return new SiteView(s.id, s.environmentId, s.name, s.role, s.location);
    }

    public static HostView of(Host h) {
        return new HostView(h.id, h.name, h.kind, h.hypervisor, h.connectionRef, h.siteId);
    }

    public static ServerView of(Server s) {
        Hardware hardware = new Hardware(s.cpuSockets, s.coresPerSocket, s.clockGhz, s.memoryGb, s.diskGb,
                s.fileSystem);
        OperatingSystem os = new OperatingSystem(s.osName, s.osServicePack);
        SqlServerInstall sql = s.sqlServerVersion == null ? null
                : new SqlServerInstall(s.sqlServerVersion, s.sqlServerServicePack);
        InstalledSoftware software = new InstalledSoftware(s.transfloVersion, s.workflowVersion, s.browser,
                s.updates());
        return new ServerView(s.id, s.name, s.nameNow(), s.environmentId, s.siteId, s.roles, s.machineType,
                s.hostId, hardware, os, sql, software, s.state, s.windowsServices, RemoteShell.of(s.remoteShell),
                s.workflowUrl);
    }

    public static PairView of(ServerPair p, Server production, Server dr) {
        return of(new PairWithNames(p, production.name, dr.name));
    }

    public static PairView of(PairWithNames named) {
        ServerPair p = named.pair();
        return new PairView(p.id, p.environmentId, p.productionServerId, named.productionServerName(), p.drServerId,
                named.drServerName(), p.status, p.drifted, p.pairedAt);
    }

    public static DatabaseView of(Database d) {
        return new DatabaseView(d.id, d.name, d.kind, d.serverId, d.environmentId, d.recoveryModel, d.rpoMinutes,
                d.rtoMinutes, d.active, d.takesOverFrom);
    }

    public static LoginView of(SqlLogin l) {
        return new LoginView(l.id, l.name, l.serverId, l.environmentId, l.sid, l.secretRef);
    }

    public static DsnView of(OdbcDsn d) {
        return new DsnView(d.id, d.name, d.serverId, d.environmentId, d.bitness, d.targetServerId,
                d.defaultDatabase, d.loginId);
    }

    public static DeploymentView of(Deployment d) {
        return new DeploymentView(d.id, d.serverId, d.environmentId, d.kind, d.name, d.version, d.deployedAt);
    }

    public static RenameView of(ServerRename r) {
        return new RenameView(r.serverId, r.fromName, r.toName, r.reason, r.renamedAt);
    }
}
