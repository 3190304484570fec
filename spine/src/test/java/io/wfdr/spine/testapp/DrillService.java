package io.wfdr.spine.testapp;

import java.time.Clock;
import java.util.UUID;

import io.wfdr.spine.outbox.EventOutbox;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class DrillService {

    public static final String TOPIC = "wfdr.spinetest.events";

    private final EventOutbox outbox;
    private final Clock clock;

    DrillService(EventOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Drill schedule(DrillRequest request) {
        Drill drill = new Drill();
        drill.id = UUID.randomUUID().toString();
        drill.name = request.name();
        drill.kind = request.kind();
        drill.scheduledAt = clock.instant();
        drill.persist();
        outbox.record(TOPIC, drill.id, "drill/" + drill.id,
                new DrillScheduled(drill.id, drill.name, drill.kind, drill.scheduledAt));
        return drill;
    }

    @Transactional
    public Drill find(String id) {
        Drill drill = Drill.findById(id);
        if (drill == null) {
            throw new NotFoundProblem("Drill", id);
        }
        return drill;
    }

    @Transactional
    public void cancel(String id) {
        find(id).delete();
    }

    /** Changes the drill, then fails before the transaction can commit: the change and its audit record roll back. */
    @Transactional
    public void countRunThenFail(String id) {
        find(id).runsCounted++;
        Drill.flush();
        throw new io.wfdr.spine.problem.ConflictProblem("the drill " + id + " cannot run now");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void countRun(String id) {
        find(id).runsCounted++;
    }
}
