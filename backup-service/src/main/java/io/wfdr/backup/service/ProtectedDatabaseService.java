package io.wfdr.backup.service;

import java.util.List;

import io.wfdr.backup.api.ProtectedDatabaseView;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The databases the inventory announced, as the backup service sees them. */
@ApplicationScoped
public class ProtectedDatabaseService {

    private final EntityManager em;

    ProtectedDatabaseService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public io.wfdr.spine.api.Page<ProtectedDatabaseView> list(int page, int size) {
        long total = em.createQuery("select count(d) from KnownDatabase d", Long.class).getSingleResult();
        if ((long) page * size >= total) {
            return new io.wfdr.spine.api.Page<>(List.of(), page, size, total);
        }
        return new io.wfdr.spine.api.Page<>(em.createQuery("from KnownDatabase order by name, id", KnownDatabase.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(this::view).toList(),
                page, size, total);
    }

    @Transactional
    public ProtectedDatabaseView get(String id) {
        KnownDatabase database = em.find(KnownDatabase.class, id);
        if (database == null) {
            throw new NotFoundProblem("Database", id);
        }
        return view(database);
    }

    private ProtectedDatabaseView view(KnownDatabase d) {
        KnownServer server = em.find(KnownServer.class, d.serverId);
        BackupPolicy policy = em.find(BackupPolicy.class, d.id);
        ProtectedDatabaseView.PolicyState state = policy == null ? ProtectedDatabaseView.PolicyState.NONE
                : policy.paused ? ProtectedDatabaseView.PolicyState.PAUSED : ProtectedDatabaseView.PolicyState.ACTIVE;
        return new ProtectedDatabaseView(d.id, d.name, d.kind, d.serverId, server == null ? null : server.currentName,
                d.recoveryModel, d.rpoMinutes, d.rtoMinutes, d.allowsLogBackups(), state);
    }
}
