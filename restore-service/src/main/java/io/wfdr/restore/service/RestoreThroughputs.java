package io.wfdr.restore.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.wfdr.restore.api.MeasurementRequest;
import io.wfdr.restore.api.ThroughputView;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.RestoreMeasurement;
import io.wfdr.restore.domain.RestoreThroughput;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Completed restores, timed, per SQL Server, and the throughput learned from them that plans predict with. */
@ApplicationScoped
public class RestoreThroughputs {

    private final EntityManager em;
    private final Clock clock;

    RestoreThroughputs(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public RestoreMeasurement record(String serverId, MeasurementRequest request) {
        server(serverId);
        Violations violations = new Violations();
        if (request.backupType() != BackupType.LOG && request.bytes() == 0) {
            violations.add("bytes", "a " + request.backupType() + " restore reads the backup's bytes; 0 cannot be "
                    + "timed as a throughput");
        }
        if (request.finishedAt().isAfter(clock.instant().plusSeconds(60))) {
            violations.add("finishedAt", "lies in the future");
        }
        if (request.source() == RestoreMeasurement.Source.RESTORE) {
            violations.add("source", "RESTORE is recorded by runbooks themselves; say DRILL or MANUAL");
        }
        violations.throwIfAny("The restore measurement");
        RestoreMeasurement measurement = new RestoreMeasurement();
        measurement.id = UUID.randomUUID().toString();
        measurement.serverId = serverId;
        measurement.type = request.backupType();
        measurement.bytes = request.bytes();
        measurement.seconds = request.seconds();
        measurement.finishedAt = request.finishedAt();
        measurement.source = request.source();
        measurement.note = request.note();
        measurement.recordedAt = clock.instant();
        em.persist(measurement);
        return measurement;
    }

    @Transactional
    public Page<RestoreMeasurement> list(String serverId, int page, int size) {
        server(serverId);
        long total = em.createQuery("select count(m) from RestoreMeasurement m where m.serverId = ?1", Long.class)
                .setParameter(1, serverId).getSingleResult();
        List<RestoreMeasurement> items = (long) page * size >= total ? List.of() : em.createQuery(
                "from RestoreMeasurement where serverId = ?1 order by finishedAt desc, id", RestoreMeasurement.class)
                .setParameter(1, serverId).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, total);
    }

    @Transactional
    public RestoreMeasurement get(String serverId, String id) {
        RestoreMeasurement measurement = em.find(RestoreMeasurement.class, id);
        if (measurement == null || !measurement.serverId.equals(serverId)) {
            throw new NotFoundProblem("Restore measurement", id);
        }
        return measurement;
    }

    @Transactional
    public ThroughputView view(String serverId) {
        KnownServer server = server(serverId);
        return ThroughputView.of(server.id, server.currentName, of(serverId));
    }

    /** What the server's recent restores say of its speed (parts never measured are null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public RestoreThroughput of(String serverId) {
        List<RestoreMeasurement> newest = new ArrayList<>(recent(serverId, "type <> ?2 and bytes > 0"));
        newest.addAll(recent(serverId, "type = ?2"));
        return RestoreThroughput.of(newest);
    }

    private List<RestoreMeasurement> recent(String serverId, String kind) {
        return em.createQuery("from RestoreMeasurement where serverId = ?1 and " + kind + " order by finishedAt desc",
                RestoreMeasurement.class).setParameter(1, serverId).setParameter(2, BackupType.LOG)
                .setMaxResults(RestoreThroughput.RECENT).getResultList();
    }

    private KnownServer server(String serverId) {
        KnownServer server = em.find(KnownServer.class, serverId);
        if (server == null) {
            throw new NotFoundProblem("Server", serverId);
        }
        return server;
    }
}
