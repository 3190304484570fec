package io.wfdr.spine.testapp;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.wfdr.spine.events.MalformedEventException;
import io.wfdr.spine.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

@ApplicationScoped
public class DrillCommandConsumer {

    public static final String TOPIC = "wfdr.spinetest.commands";
    private static final Logger LOG = Logger.getLogger(DrillCommandConsumer.class);

    private final EventInbox inbox;
    private final DrillService drills;
    private final DrillFaults faults;

    DrillCommandConsumer(EventInbox inbox, DrillService drills, DrillFaults faults) {
        this.inbox = inbox;
        this.drills = drills;
        this.faults = faults;
    }

    @Incoming("drill-commands")
    @Blocking(ordered = true)
    public void onCommand(ConsumerRecord<String, String> record) {
        inbox.receive("drill-commands", record, event -> {
            if (!event.data().hasNonNull("drillId")) {
                throw new MalformedEventException("a drill command must name drillId");
            }
            faults.onApply();
            drills.countRun(event.data().get("drillId").asText());
            LOG.infof("Drill %s: a run counted", event.data().get("drillId").asText());
            Drill.flush();
            faults.afterWork();
        });
    }
}
