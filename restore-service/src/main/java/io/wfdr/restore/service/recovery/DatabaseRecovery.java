package io.wfdr.restore.service.recovery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code database-recovery} template: the guide's recovery of TFLOWF on the DR site, in its order. Every step
 * checks before it acts and verifies after; the runbook is COMPLETED only when the last verification passes.
 */
@ApplicationScoped
public class DatabaseRecovery {

    public static final String TEMPLATE = "database-recovery";

    private final List<RecoveryStep> steps = List.of(new DrEngineOnline(), new RestorePreflight(), new RestoreChain(),
            new WorkflowLogins(), new OrphanedUsers(), IProcessServices.stop(), new TflowfDsn(),
            new TflowfDsnConnection(), IProcessServices.start(), new VerifyRecovery(), new ProtectAgain());

    public List<RecoveryStep> steps() {
        return steps;
    }

    public RecoveryStep step(int number) {
        return steps.get(number - 1);
    }

    /** The step whose failure means the database is back but not verified. */
    public boolean isVerification(int number) {
        return "verify".equals(step(number).name());
    }
}
