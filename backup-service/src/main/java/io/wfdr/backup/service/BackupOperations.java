package io.wfdr.backup.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.backup.api.BackupRequestBody;
import io.wfdr.backup.api.OperationView;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.IdempotencyKey;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.OperationStatus;
import io.wfdr.backup.domain.SqlServerConnection;
import io.wfdr.backup.sqlserver.BackupRequest;
import io.wfdr.backup.sqlserver.BackupScript;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Problem;
import io.wfdr.spine.problem.UnprocessableProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Backups on demand: accepted in one transaction (with the exact T-SQL that will run and the file it writes), run
 * by {@link BackupRun} outside any transaction. A differential with no usable full in the catalog runs as a full,
 * and the operation says so. A retried request with the same Idempotency-Key gets the first operation back; the
 * same key with another request is refused.
 */
@ApplicationScoped
public class BackupOperations {

    private final EntityManager em;
    private final Connections connections;
    private final OperationRunner runner;
    private final Clock clock;
    private final CatalogService catalog;
    private final OffsiteCopies copies;
    private final BackupRun run;
    private final TransactionSynchronizationRegistry transactions;

    BackupOperations(EntityManager em, Connections connections, OperationRunner runner, Clock clock,
            CatalogService catalog, OffsiteCopies copies, BackupRun run,
            TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.em = em;
        this.connections = connections;
        this.runner = runner;
        this.clock = clock;
        this.catalog = catalog;
        this.copies = copies;
        this.run = run;
    }

    public record Accepted(OperationView operation, boolean isNew) {
    }

    /** Accepts the request, or returns the operation a request with the same Idempotency-Key started. */
    public Accepted accept(BackupRequestBody request, String idempotencyKey) {
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> acceptInTransaction(request, idempotencyKey));
        if (accepted.isNew()) {
            runner.submit(() -> run.run(accepted.operation().id()));
        }
        return accepted;
    }

    /**
     * Accepts the request in the caller's transaction, with the work that asks for it (a take-over's new policy):
     * the backup runs once that transaction committed, and not at all if it rolls back.
     */
    public OperationView acceptWithThisTransaction(BackupRequestBody request, String idempotencyKey) {
        Accepted accepted = acceptInTransaction(request, idempotencyKey);
        if (accepted.isNew()) {
            String id = accepted.operation().id();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        runner.submit(() -> run.run(id));
                    }
                }
            });
        }
        return accepted.operation();
    }

    private Accepted acceptInTransaction(BackupRequestBody request, String idempotencyKey) {
        String fingerprint = fingerprint(request);
        if (idempotencyKey != null) {
            IdempotencyKey known = em.find(IdempotencyKey.class, idempotencyKey);
            if (known != null) {
                if (known.requestFingerprint != null && !known.requestFingerprint.equals(fingerprint)) {
                    throw new UnprocessableProblem("The Idempotency-Key " + idempotencyKey + " was first used for "
                            + "another request (operation " + known.operationId + "); a retry must repeat the first "
                            + "request exactly, a new request needs a new key");
                }
                return new Accepted(view(em.find(BackupOperation.class, known.operationId)), false);
            }
        }
        KnownDatabase database = database(request.databaseId());
        connections.requireSettings(database);
        String id = UUID.randomUUID().toString();
        Plan plan = plan(database, request.type(), request.copyOnly(), id);
        BackupOperation operation = new BackupOperation();
        operation.id = id;
        operation.databaseId = database.id;
        operation.requestedType = request.type();
        operation.runType = plan.request().type();
        operation.copyOnly = request.copyOnly();
        operation.status = OperationStatus.ACCEPTED;
        operation.script = BackupScript.script(plan.request(), plan.verify());
        operation.devicePath = BackupScript.filePath(plan.request());
        operation.fileName = BackupScript.fileName(operation.devicePath);
        operation.message = plan.note();
        operation.createdAt = clock.instant();
        em.persist(operation);
        if (idempotencyKey != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.key = idempotencyKey;
            key.operationId = operation.id;
            key.requestFingerprint = fingerprint;
            em.persist(key);
        }
        return new Accepted(view(operation), true);
    }

    /** The exact T-SQL an on-demand backup of this kind would run now, without running it. */
    @Transactional
    public String script(String databaseId, BackupType type, boolean copyOnly) {
        Plan plan = plan(database(databaseId), type, copyOnly, UUID.randomUUID().toString());
        return (plan.note() == null ? "" : "-- " + plan.note() + "\n") + BackupScript.script(plan.request(), plan.verify());
    }

    @Transactional
    public OperationView get(String id) {
        BackupOperation operation = em.find(BackupOperation.class, id);
        if (operation == null) {
            throw new NotFoundProblem("Backup operation", id);
        }
        return view(operation);
    }

    /** Operations newest first, for pipelines that poll: by database, status, type and creation time. */
    @Transactional
    public Page<OperationView> list(String databaseId, OperationStatus status, BackupType type, Instant since,
            int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (databaseId != null) {
            where.append(" and o.databaseId = :database");
            parameters.put("database", databaseId);
        }
        if (status != null) {
            where.append(" and o.status = :status");
            parameters.put("status", status);
        }
        if (type != null) {
            where.append(" and o.runType = :type");
            parameters.put("type", type);
        }
        if (since != null) {
            where.append(" and o.createdAt >= :since");
            parameters.put("since", since);
        }
        var query = em.createQuery("from BackupOperation o where " + where + " order by o.createdAt desc, o.id",
                BackupOperation.class);
        var count = em.createQuery("select count(o) from BackupOperation o where " + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        long total = count.getSingleResult();
        if ((long) page * size >= total) {
            return new Page<>(java.util.List.of(), page, size, total);
        }
        return new Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(this::view).toList(), page, size, total);
    }

    private record Plan(BackupRequest request, boolean verify, String note) {
    }

    private Plan plan(KnownDatabase database, BackupType type, boolean copyOnly, String operationId) {
        if (type == BackupType.LOG && !database.allowsLogBackups()) {
            throw new ConflictProblem(database.name + " uses the " + database.recoveryModel + " recovery model; "
                    + "SQL Server refuses log backups under it (error 4208)");
        }
        BackupPolicy policy = em.find(BackupPolicy.class, database.id);
        if (policy == null) {
            throw new ConflictProblem(database.name + " has no backup policy yet; its policy names the backup folder "
                    + "and how backups are written (PUT /api/databases/" + database.id + "/policy)");
        }
        BackupType runType = type;
        String note = null;
        if (type == BackupType.DIFFERENTIAL && !copyOnly && !hasUsableFull(database.id)) {
            runType = BackupType.FULL;
            note = "no usable full backup of " + database.name + " in the catalog to base a differential on; "
                    + "a full backup runs instead";
        }
        BackupRequest request = new BackupRequest(serverName(database), database.name, runType, copyOnly,
                policy.backupFolder, clock.instant(), operationId, policy.compression, policy.checksum,
                Optional.ofNullable(policy.encryptionCertificate), Optional.ofNullable(policy.maxTransferSize),
                Optional.ofNullable(policy.bufferCount));
        try {
            BackupScript.check(request);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem("SQL Server would refuse this backup: " + e.getMessage(),
                    java.util.List.of(new Problem.FieldError(type == BackupType.DIFFERENTIAL && copyOnly ? "copyOnly"
                            : "databaseId", e.getMessage())));
        }
        return new Plan(request, policy.verifyAfterBackup, note);
    }

    /** The server and instance, as the file name carries them: {@code SQLPROD01} or {@code SQLPROD01$WORKFLOW}. */
    private String serverName(KnownDatabase database) {
        KnownServer server = em.find(KnownServer.class, database.serverId);
        SqlServerConnection connection = em.find(SqlServerConnection.class, database.serverId);
        String name = server == null ? database.serverId : server.currentName;
        return connection == null || connection.instanceName == null || connection.instanceName.isBlank() ? name
                : name + "$" + connection.instanceName;
    }

    private boolean hasUsableFull(String databaseId) {
        return BackupChains.of(catalog.of(databaseId)).chains().stream().anyMatch(c -> !c.full().copyOnly());
    }

    private static String fingerprint(BackupRequestBody request) {
        String canonical = request.databaseId() + "|" + request.type() + "|" + request.copyOnly();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private KnownDatabase database(String id) {
        KnownDatabase database = em.find(KnownDatabase.class, id);
        if (database == null) {
            throw new NotFoundProblem("Database", id);
        }
        return database;
    }

    private OperationView view(BackupOperation o) {
        return new OperationView(o.id, o.databaseId, o.requestedType, o.runType, o.copyOnly, o.status, o.percent,
                o.message, o.script, o.devicePath, o.backupSetId, o.verifyStatus, o.createdAt, o.startedAt,
                o.finishedAt, copies.of(o.id));
    }
}
