package io.wfdr.snapshot.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.scheduler.Scheduled;
import io.wfdr.snapshot.config.ActivityConfig;
import io.wfdr.snapshot.domain.ChangeMeasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The change measures of the incrementals: the snapshot engine records one per incremental (in the transaction that
 * records the incremental), the low-activity window is suggested from them, and they are purged after {@code
 * wfdr.snapshot.activity.retention}.
 */
@ApplicationScoped
public class ChangeMeasures {

    private static final Logger LOG = Logger.getLogger(ChangeMeasures.class);

    private final EntityManager em;
    private final Clock clock;
    private final ActivityConfig config;

    ChangeMeasures(EntityManager em, Clock clock, ActivityConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Records what the incremental {@code snapshotId} of the VM found changed since {@code sinceAt} (when the snapshot
     * it was taken on was taken). Recording the same incremental again returns its first measure unchanged.
     *
     * @throws IllegalArgumentException for negative bytes, or an interval that ends before it starts
     */
    @Transactional
    public ChangeMeasure record(String vmId, String snapshotId, Instant sinceAt, Instant measuredAt,
            long changedBytes) {
        if (changedBytes < 0) {
            throw new IllegalArgumentException("changed bytes cannot be negative: " + changedBytes);
        }
        if (measuredAt.isBefore(sinceAt)) {
            throw new IllegalArgumentException("a measure at " + measuredAt + " cannot cover time since " + sinceAt);
        }
        List<ChangeMeasure> known = em.createQuery("from ChangeMeasure where snapshotId = :snapshot",
                ChangeMeasure.class).setParameter("snapshot", snapshotId).getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        ChangeMeasure measure = new ChangeMeasure();
        measure.id = UUID.randomUUID().toString();
        measure.vmId = vmId;
        measure.snapshotId = snapshotId;
        measure.sinceAt = sinceAt;
        measure.measuredAt = measuredAt;
        measure.changedBytes = changedBytes;
        em.persist(measure);
        return measure;
    }

    /** The VM's measures that cover any part of {@code [from, to)}. */
    @Transactional
    public List<ChangeMeasure> of(String vmId, Instant from, Instant to) {
        return em.createQuery("from ChangeMeasure where vmId = :vm and measuredAt >= :from and sinceAt < :to "
                + "order by measuredAt, id", ChangeMeasure.class).setParameter("vm", vmId).setParameter("from", from)
                .setParameter("to", to).getResultList();
    }

    @Scheduled(every = "${wfdr.snapshot.activity.purge-interval:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        int purged = em.createQuery("delete from ChangeMeasure where measuredAt < :before")
                .setParameter("before", clock.instant().minus(config.retention())).executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d change measures older than %s", purged, config.retention());
        }
    }
}
