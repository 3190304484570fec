package io.wfdr.restore.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.wfdr.restore.api.RestoreRequest;
import io.wfdr.restore.config.RunbookConfig;
import io.wfdr.restore.domain.KnownBackupSet;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownDsn;
import io.wfdr.restore.domain.KnownLogin;
import io.wfdr.restore.domain.KnownPair;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.problem.UnprocessableProblem;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Turns a plan and a request into everything the runbook will act on, from what the inventory announced: the DR
 * SQL Server and the login wfdr connects as, production's Workflow logins (tfwfowner, tfwfuser), the DR Workflow
 * iProcess Engine server (the DR partner of the environment's production engine), its TFLOWF System DSN. What the
 * inventory lacks is refused here (422, naming it), before anything runs.
 */
@ApplicationScoped
class RecoveryTargetsResolver {

    static final String ENGINE_ROLE = "WORKFLOW_IPROCESS_ENGINE";
    static final List<String> WORKFLOW_LOGINS = List.of("tfwfowner", "tfwfuser");
    static final String DSN_NAME = "TFLOWF";

    private final EntityManager em;
    private final RunbookConfig config;

    RecoveryTargetsResolver(EntityManager em, RunbookConfig config) {
        this.em = em;
        this.config = config;
    }

    RecoveryTargets resolve(RestorePlan plan, RestoreRequest request) {
        KnownDatabase database = em.find(KnownDatabase.class, plan.databaseId());
        List<String> missing = new ArrayList<>();
        RecoveryTargets.SqlEndpoint sql = sqlEndpoint(plan, request.connection(), missing);
        List<RecoveryTargets.WorkflowLogin> logins = workflowLogins(database, missing);
        KnownServer engine = drEngine(database, missing);
        RecoveryTargets.Dsn dsn = engine == null ? null : dsn(engine, missing);
        if (!missing.isEmpty()) {
            throw new UnprocessableProblem("The runbook cannot be made: " + String.join("; ", missing));
        }
        List<BackupSet> sets = plan.steps().stream().map(s -> em.find(KnownBackupSet.class, s.backupSetUuid()
                .toUpperCase(Locale.ROOT))).filter(java.util.Objects::nonNull).map(KnownBackupSet::set).toList();
        String sourceVersion = sets.isEmpty() || sets.get(0).source() == null ? null
                : sets.get(0).source().softwareVersion();
        List<String> encryptors = sets.stream().filter(s -> s.encryption() != null)
                .map(s -> s.encryption().encryptorThumbprint()).distinct().toList();
        return new RecoveryTargets(plan, sql, logins, new RecoveryTargets.WindowsServer(engine.id, engine.currentName,
                engine.services(), remoteShell(engine)), dsn, webUrl(database), database.recoveryModel, sourceVersion,
                encryptors,
                new RecoveryTargets.Options(Boolean.TRUE.equals(request.replace()),
                        request.checkDb() == null ? "PHYSICAL_ONLY" : request.checkDb(), config.activityQuery(),
                        config.serviceTimeoutSeconds()));
    }

    /** The server's OpenSSH as the inventory records it, reached by the name the server carries now. */
    private static RecoveryTargets.RemoteShell remoteShell(KnownServer server) {
        if (server.remoteShell == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode shell = io.wfdr.spine.contract.ContractJson.read(server.remoteShell,
                com.fasterxml.jackson.databind.JsonNode.class);
        return new RecoveryTargets.RemoteShell(server.currentName, shell.path("port").asInt(22),
                shell.path("user").asText(), shell.path("secretRef").asText(), shell.path("hostKeyFingerprint")
                        .asText());
    }

    /** The URL of the environment's Workflow Web Server at the DR site (the DR partner's), else of any. */
    private String webUrl(KnownDatabase database) {
        List<KnownServer> web = em.createQuery("from KnownServer where environmentId = ?1 and workflowUrl is not null",
                KnownServer.class).setParameter(1, database.environmentId).getResultList();
        return web.stream().filter(s -> em.createQuery("select count(p) from KnownPair p where p.drServerId = ?1",
                Long.class).setParameter(1, s.id).getSingleResult() > 0).findFirst()
                .or(() -> web.stream().findFirst()).map(s -> s.workflowUrl).orElse(null);
    }

    private RecoveryTargets.SqlEndpoint sqlEndpoint(RestorePlan plan, RestoreRequest.SqlConnection connection,
            List<String> missing) {
        KnownServer target = em.find(KnownServer.class, plan.target().serverId());
        if (target == null) {
            missing.add("the target server " + plan.target().serverName() + " is no longer in the inventory");
            return null;
        }
        if (connection == null) {
            missing.add("connection.loginId: name the inventory login wfdr connects to " + target.currentName + " as");
            return null;
        }
        KnownLogin login = em.find(KnownLogin.class, connection.loginId());
        if (login == null || !login.serverId.equals(target.id) || login.secretRef == null) {
            missing.add("connection.loginId: " + target.currentName + " has no login with this id and a secret "
                    + "reference");
            return null;
        }
        if (!SqlServerTarget.isHostName(target.currentName)) {
            missing.add(target.currentName + " is not a name a connection can use");
            return null;
        }
        return new RecoveryTargets.SqlEndpoint(target.id, target.currentName,
                connection.port() == null ? 1433 : connection.port(), connection.instanceName(),
                connection.encrypt() == null || connection.encrypt(),
                Boolean.TRUE.equals(connection.trustServerCertificate()), login.name, login.secretRef);
    }

    private List<RecoveryTargets.WorkflowLogin> workflowLogins(KnownDatabase database, List<String> missing) {
        List<RecoveryTargets.WorkflowLogin> logins = new ArrayList<>();
        for (String name : WORKFLOW_LOGINS) {
            KnownLogin login = em.createQuery("from KnownLogin where serverId = ?1 and lower(name) = ?2",
                    KnownLogin.class).setParameter(1, database.serverId).setParameter(2, name).getResultStream()
                    .findFirst().orElse(null);
            if (login == null || login.secretRef == null) {
                missing.add("the inventory has no login " + name + " with a secret reference on the production "
                        + "server of " + database.name + " (the DR login is created with its password)");
            } else {
                logins.add(new RecoveryTargets.WorkflowLogin(login.name, login.sid, login.secretRef));
            }
        }
        return logins;
    }

    /** The DR partner of the environment's production Workflow iProcess Engine server; two would be a guess. */
    private KnownServer drEngine(KnownDatabase database, List<String> missing) {
        List<KnownServer> partners = new ArrayList<>();
        for (KnownServer engine : em.createQuery("from KnownServer where environmentId = ?1", KnownServer.class)
                .setParameter(1, database.environmentId).getResultList()) {
            if (!engine.hasRole(ENGINE_ROLE)) {
                continue;
            }
            em.createQuery("from KnownPair where productionServerId = ?1", KnownPair.class).setParameter(1, engine.id)
                    .getResultStream().map(pair -> em.find(KnownServer.class, pair.drServerId))
                    .filter(java.util.Objects::nonNull).forEach(partners::add);
        }
        if (partners.size() == 1) {
            return partners.get(0);
        }
        missing.add(partners.isEmpty() ? "the inventory pairs no production Workflow iProcess Engine server of this "
                + "environment with a DR server" : "the environment has more than one DR Workflow iProcess Engine "
                + "server (" + String.join(", ", partners.stream().map(s -> s.currentName).toList()) + ")");
        return null;
    }

    private RecoveryTargets.Dsn dsn(KnownServer engine, List<String> missing) {
        KnownDsn dsn = em.createQuery("from KnownDsn where serverId = ?1 and upper(name) = ?2", KnownDsn.class)
                .setParameter(1, engine.id).setParameter(2, DSN_NAME).getResultStream().findFirst().orElse(null);
        KnownLogin login = dsn == null ? null : em.find(KnownLogin.class, dsn.loginId);
        if (dsn == null || login == null || login.secretRef == null) {
            missing.add("the inventory has no " + DSN_NAME + " System DSN (with its login's secret reference) on "
                    + engine.currentName + "; the guide says to contact Pegasus TransTech Customer Support");
            return null;
        }
        return new RecoveryTargets.Dsn(dsn.id, dsn.name, dsn.bitness == 32 ? "32-bit" : "64-bit", login.name,
                login.secretRef);
    }
}
