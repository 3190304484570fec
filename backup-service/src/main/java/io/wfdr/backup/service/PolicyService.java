package io.wfdr.backup.service;

import io.wfdr.spine.tsql.TSql;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.backup.api.PolicyRequest;
import io.wfdr.backup.api.PolicyView;
import io.wfdr.backup.api.RestoreWork;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.FullScheduleKind;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.OffsiteDestination;
import io.wfdr.backup.domain.PolicyArithmetic;
import io.wfdr.backup.domain.PolicyTradeOff;
import io.wfdr.backup.domain.TakeOver;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.PolicyChanged;
import io.wfdr.backup.sqlserver.BackupScript;

import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Backup policies: validated against what SQL Server allows and what the guide asks, explained as numbers. */
@ApplicationScoped
public class PolicyService {

    private final EntityManager em;
    private final CatalogService catalog;
    private final Destinations destinations;
    private final BackupEvents events;

    PolicyService(EntityManager em, CatalogService catalog, Destinations destinations, BackupEvents events) {
        this.events = events;
        this.destinations = destinations;
        this.em = em;
        this.catalog = catalog;
    }

    @Transactional
    public PolicyView get(String databaseId) {
        KnownDatabase database = database(databaseId);
        BackupPolicy policy = em.find(BackupPolicy.class, databaseId);
        if (policy == null) {
            throw new NotFoundProblem("Backup policy of database", database.name + " (" + databaseId + ")");
        }
        return view(database, policy);
    }

    @Transactional
    public PolicyView put(String databaseId, PolicyRequest request) {
        KnownDatabase database = database(databaseId);
        Violations violations = new Violations();
        check(database, request, violations);
        violations.throwIfAny("The policy");
        BackupPolicy policy = em.find(BackupPolicy.class, databaseId);
        if (policy == null) {
            policy = new BackupPolicy();
            policy.databaseId = databaseId;
            apply(policy, request);
            em.persist(policy);
        } else {
            apply(policy, request);
        }
        return announced(database, policy);
    }

    @Transactional
    public PolicyView pause(String databaseId, boolean paused) {
        KnownDatabase database = database(databaseId);
        BackupPolicy policy = em.find(BackupPolicy.class, databaseId);
        if (policy == null) {
            throw new NotFoundProblem("Backup policy of database", database.name + " (" + databaseId + ")");
        }
        if (policy.paused == paused) {
            throw new ConflictProblem("The policy of " + database.name + " is already " + (paused ? "paused" : "active"));
        }
        policy.paused = paused;
        return announced(database, policy);
    }

    static void check(KnownDatabase database, PolicyRequest request, Violations v) {
        if (request.logMinutes() != null && !database.allowsLogBackups()) {
            v.add("logMinutes", database.name + " uses the " + database.recoveryModel + " recovery model, under which "
                    + "SQL Server refuses log backups (error 4208); switch it to FULL, or leave logMinutes out");
        }
        try {
            BackupScript.checkedFolder(request.backupFolder());
        } catch (IllegalArgumentException e) {
            v.add("backupFolder", e.getMessage());
        }
        checkSchedule(request.full(), v);
        if (request.backupFolderMount() != null && !java.nio.file.Path.of(request.backupFolderMount()).isAbsolute()) {
            v.add("backupFolderMount", "must be an absolute path on the backup service's side");
        }
        for (int i = 0; i < request.destinations().size(); i++) {
            if (!java.nio.file.Path.of(request.destinations().get(i).path()).isAbsolute()) {
                v.add("destinations[" + i + "].path", "must be an absolute path on the backup service's side");
            }
        }
        checkQuoting(database, request, v);
        if (request.maxTransferSize() != null) {
            try {
                BackupScript.checkMaxTransferSize(request.maxTransferSize());
            } catch (IllegalArgumentException e) {
                v.add("maxTransferSize", e.getMessage());
            }
        }
        long full = request.full().kind() == FullScheduleKind.WEEKLY ? 7 * 1440L : 1440L;
        if (request.differentialMinutes() != null && request.full().kind() != FullScheduleKind.CRON
                && request.differentialMinutes() >= full) {
            v.add("differentialMinutes", "a differential every " + request.differentialMinutes()
                    + " minutes is not more often than the full backups");
        }
    }

    /** What the T-SQL builder would refuse at backup time is refused now, when the policy is saved. */
    private static void checkQuoting(KnownDatabase database, PolicyRequest request, Violations v) {
        try {
            TSql.identifier(database.name);
        } catch (IllegalArgumentException e) {
            v.add("databaseId", "the database name " + database.name + " cannot be quoted for T-SQL: " + e.getMessage());
        }
        if (request.encryptionCertificate() != null) {
            try {
                TSql.identifier(request.encryptionCertificate());
            } catch (IllegalArgumentException e) {
                v.add("encryptionCertificate", "cannot be quoted for T-SQL: " + e.getMessage());
            }
        }
    }

    private static void checkSchedule(PolicyRequest.FullSchedule full, Violations v) {
        switch (full.kind()) {
            case DAILY -> require(full.time(), "full.time", "a daily full backup needs its time, HH:mm", v);
            case WEEKLY -> {
                require(full.time(), "full.time", "a weekly full backup needs its time, HH:mm", v);
                require(full.day(), "full.day", "a weekly full backup needs its day", v);
            }
            case CRON -> {
                require(full.cron(), "full.cron", "a cron schedule needs its Quartz cron expression", v);
                if (full.cron() != null) {
                    try {
                        PolicyArithmetic.checkCron(full.cron());
                    } catch (IllegalArgumentException e) {
                        v.add("full.cron", "is not a Quartz cron expression: " + e.getMessage());
                    }
                }
            }
        }
        if (full.timeZone() != null) {
            try {
                ZoneId.of(full.timeZone());
            } catch (DateTimeException e) {
                v.add("full.timeZone", "is not a time zone id such as America/New_York");
            }
        }
    }

    private static void require(String value, String field, String message, Violations v) {
        if (value == null || value.isBlank()) {
            v.add(field, message);
        }
    }

    private void apply(BackupPolicy policy, PolicyRequest request) {
        Violations violations = new Violations();
        for (int i = 0; i < request.destinations().size(); i++) {
            if (destinations.siteOf(request.destinations().get(i).hostId()) == null) {
                violations.add("destinations[" + i + "].hostId", "the inventory has no machine with this id "
                        + "(a host, or a physical server)");
            }
        }
        violations.throwIfAny("The policy");
        PolicyRequest.FullSchedule full = request.full();
        policy.fullKind = full.kind();
        policy.fullTime = full.time();
        policy.fullDay = full.day();
        policy.fullCron = full.cron();
        policy.timeZone = full.timeZone() == null ? "UTC" : full.timeZone();
        policy.differentialMinutes = request.differentialMinutes();
        policy.logMinutes = request.logMinutes();
        policy.backupFolder = request.backupFolder();
        policy.backupFolderMount = request.backupFolderMount();
        policy.destinations.clear();
        request.destinations().forEach(d -> policy.destinations.add(new OffsiteDestination(d.path(), d.hostId(),
                d.sqlServerPath())));
        policy.retentionDays = request.retentionDays();
        policy.compression = request.compression() == null || request.compression();
        policy.checksum = request.checksum() == null || request.checksum();
        policy.verifyAfterBackup = request.verifyAfterBackup() == null || request.verifyAfterBackup();
        policy.encryptionCertificate = request.encryptionCertificate();
        policy.maxTransferSize = request.maxTransferSize();
        policy.bufferCount = request.bufferCount();
    }

    /** The policy as it now is, told to the other services in the same transaction. */
    PolicyView announced(KnownDatabase database, BackupPolicy policy) {
        PolicyView view = view(database, policy);
        var full = view.policy().full();
        events.publish(database.id, database.name, new PolicyChanged(database.id, database.name,
                new PolicyChanged.Schedule(full.kind(), full.time(), full.day(), full.cron(), full.timeZone(),
                        policy.differentialMinutes, policy.logMinutes), policy.paused,
                policy.backupFolderMount != null && !policy.destinations.isEmpty(), view.tradeOff()));
        return view;
    }

    private PolicyView view(KnownDatabase database, BackupPolicy policy) {
        PolicyRequest described = new PolicyRequest(
                new PolicyRequest.FullSchedule(policy.fullKind, policy.fullTime, policy.fullDay, policy.fullCron,
                        policy.timeZone),
                policy.differentialMinutes, policy.logMinutes, policy.backupFolder, policy.backupFolderMount,
                policy.destinations.stream().map(d -> new PolicyRequest.Destination(d.path, d.hostId, d.sqlServerPath))
                        .toList(),
                policy.retentionDays, policy.compression, policy.checksum, policy.verifyAfterBackup,
                policy.encryptionCertificate, policy.maxTransferSize, policy.bufferCount);
        var tradeOff = PolicyArithmetic.tradeOff(policy, database.rpoMinutes);
        if (policy.backupFolderMount == null) {
            tradeOff = tradeOff.withoutOffsiteCopies();
        }
        return new PolicyView(database.id, database.name, described, policy.paused, tradeOff,
                restoreNow(database.id, tradeOff), warnings(database, policy, tradeOff.meetsRpo(),
                        tradeOff.worstCaseDataLossMinutes()));
    }

    private RestoreWork restoreNow(String databaseId, PolicyTradeOff tradeOff) {
        return BackupChains.of(catalog.of(databaseId)).chains().stream().findFirst().map(chain -> {
            List<BackupSet> apply = new ArrayList<>();
            apply.add(chain.full());
            chain.newestDifferential().ifPresent(apply::add);
            apply.addAll(chain.logs());
            double differentialRate = chain.newestDifferential().map(d -> d.sizeOnDisk()
                    / (double) Math.max(1, java.time.Duration.between(chain.full().finishedAt(), d.finishedAt())
                            .toMinutes())).orElse(0.0);
            long averageLog = (long) chain.logs().stream().mapToLong(BackupSet::sizeOnDisk).average().orElse(0);
            return new RestoreWork(apply.size(), apply.stream().mapToLong(BackupSet::sizeOnDisk).sum(),
                    chain.logs().size(), PolicyArithmetic.worstCaseBytes(tradeOff, chain.full().sizeOnDisk(),
                            differentialRate, averageLog));
        }).orElse(null);
    }

    /** The guide: copies on another physical machine, if possible in another geographic location. */
    private List<String> warnings(KnownDatabase database, BackupPolicy policy, boolean meetsRpo, long worstLoss) {
        List<String> warnings = new ArrayList<>();
        KnownServer server = em.find(KnownServer.class, database.serverId);
        if (policy.backupFolderMount == null) {
            warnings.add("no backupFolderMount: this service cannot read the backup folder, so no offsite copy is "
                    + "ever made, nothing counts as restorable from offsite and the RPO target cannot be met");
        }
        List<String> machines = policy.destinations.stream().map(d -> d.hostId).toList();
        List<String> sites = machines.stream().map(destinations::siteOf).toList();
        if (server != null && machines.stream().allMatch(m -> m.equals(destinations.machineOf(server)))) {
            warnings.add("every copy is on the machine that runs " + database.name + "; a hardware failure there "
                    + "loses the database and its backups together");
        }
        if (server != null && sites.stream().allMatch(site -> server.siteId.equals(site))) {
            warnings.add("every copy is at the database's own site; a disaster at that facility loses them all. The "
                    + "guide asks for another physical machine, if possible in another geographic location");
        }
        if (!meetsRpo && policy.backupFolderMount != null) {
            warnings.add("at worst " + worstLoss + " minutes of work are lost, more than the RPO target of "
                    + database.rpoMinutes + " minutes");
        }
        TakeOver takeOver = em.find(TakeOver.class, database.id);
        if (takeOver != null) {
            warnings.addAll(takeOver.notes());
        }
        return warnings;
    }

    private KnownDatabase database(String databaseId) {
        KnownDatabase database = em.find(KnownDatabase.class, databaseId);
        if (database == null) {
            throw new NotFoundProblem("Database", databaseId);
        }
        return database;
    }
}
