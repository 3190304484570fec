package io.wfdr.restore.service.recovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.sqlserver.TargetSqlServer;
import io.wfdr.restore.sqlserver.TargetSqlServers;
import io.wfdr.restore.windows.WindowsHost;
import io.wfdr.restore.windows.WindowsHosts;
import io.wfdr.restore.windows.WindowsTarget;
import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import io.wfdr.spine.secrets.SecretResolver;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The world outside the runbook as its steps reach it: the DR SQL Server, the Windows servers, secrets, the
 * inventory (what it says about a server, and commands to it) and the Workflow Web Server's URL.
 */
@ApplicationScoped
public class RecoveryWorld {

    static final String BRING_ONLINE = "wfdr.inventory.server.bring-online.v1";
    static final String TAKE_OVER = "wfdr.inventory.database.take-over.v1";
    private static final Duration WEB_TIMEOUT = Duration.ofSeconds(15);

    private final Clock clock;
    private final TargetSqlServers sqlServers;
    private final WindowsHosts windowsHosts;
    private final SecretResolver secrets;
    private final EntityManager em;
    private final EventOutbox outbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WEB_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    RecoveryWorld(Clock clock, TargetSqlServers sqlServers, WindowsHosts windowsHosts, SecretResolver secrets,
            EntityManager em, EventOutbox outbox) {
        this.clock = clock;
        this.sqlServers = sqlServers;
        this.windowsHosts = windowsHosts;
        this.secrets = secrets;
        this.em = em;
        this.outbox = outbox;
    }

    public Clock clock() {
        return clock;
    }

    TargetSqlServer sqlServer(RecoveryTargets.SqlEndpoint endpoint) {
        return sqlServers.open(new SqlServerTarget(endpoint.host(), endpoint.port(), endpoint.instanceName(),
                endpoint.encrypt(), endpoint.trustServerCertificate()), endpoint.login(), endpoint.secretRef());
    }

    WindowsHost windowsHost(RecoveryTargets.WindowsServer server) throws StepFailure {
        RecoveryTargets.RemoteShell shell = server.remoteShell();
        if (shell == null) {
            throw new StepFailure("the inventory has no remote shell for " + server.name()
                    + " (set the server's remoteShell: OpenSSH port, user, secret reference, host key)");
        }
        return windowsHosts.open(new WindowsTarget(shell.host(), shell.port(), shell.user(), shell.secretRef(),
                shell.hostKeyFingerprint()));
    }

    /** A password from its reference, for a statement or a script's standard input only. */
    String secret(String reference) {
        return secrets.resolve(reference);
    }

    /** The server's state as the inventory last announced it (ONLINE, OFFLINE_STANDBY, FAILED, …). */
    @Transactional
    public String serverState(String serverId) {
        KnownServer server = em.find(KnownServer.class, serverId);
        return server == null ? "unknown to the inventory" : server.state;
    }

    /** Asks the inventory to bring the server online; its state event says when it is. */
    @Transactional
    public void bringOnline(String serverId, String reason) {
        ObjectNode command = JsonNodeFactory.instance.objectNode().put("serverId", serverId).put("reason", reason);
        outbox.record(Topics.commands("inventory"), serverId, "server/" + serverId, BRING_ONLINE, command);
    }

    /** What the inventory is asked when a restored database takes over from production's. */
    public record TakeOver(String databaseId, String serverId, String name, String dsnId, String runbookId) {
    }

    @Transactional
    public void takeOver(TakeOver takeOver) {
        ObjectNode command = JsonNodeFactory.instance.objectNode().put("databaseId", takeOver.databaseId())
                .put("serverId", takeOver.serverId()).put("name", takeOver.name()).put("dsnId", takeOver.dsnId())
                .put("runbookId", takeOver.runbookId()).put("reason", "database recovery runbook " + takeOver
                        .runbookId());
        outbox.record(Topics.commands("inventory"), takeOver.databaseId(), "database/" + takeOver.databaseId(),
                TAKE_OVER, command);
    }

    /** Whether the inventory announced the database of that name on that server as taking over from the other. */
    @Transactional
    public boolean tookOver(String serverId, String name, String fromDatabaseId) {
        return em.createQuery("select count(d) from KnownDatabase d where d.serverId = ?1 and lower(d.name) = ?2 "
                + "and d.takesOverFrom = ?3 and d.active = true", Long.class).setParameter(1, serverId)
                .setParameter(2, name.toLowerCase(java.util.Locale.ROOT)).setParameter(3, fromDatabaseId)
                .getSingleResult() > 0;
    }

    /** The HTTP status the URL answers with, without following a redirect elsewhere. */
    int webStatus(String url) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(WEB_TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
