package io.wfdr.restore.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.restore.api.RtoView;
import io.wfdr.restore.domain.BackupHistory;
import io.wfdr.restore.domain.ChainSelection;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownPolicy;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.restore.domain.RestoreThroughput;
import io.wfdr.restore.domain.RtoForecast;
import io.wfdr.restore.domain.TargetMapping;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The predicted RTO and data loss of a database on its DR server, under its current backup policy. */
@ApplicationScoped
public class RecoveryObjectives {

    private final EntityManager em;
    private final RestoreCatalog catalog;
    private final RestoreTargets targets;
    private final RestoreThroughputs throughputs;
    private final Clock clock;

    RecoveryObjectives(EntityManager em, RestoreCatalog catalog, RestoreTargets targets,
            RestoreThroughputs throughputs, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.targets = targets;
        this.throughputs = throughputs;
        this.clock = clock;
    }

    @Transactional
    public RtoView of(String databaseId) {
        KnownDatabase database = em.find(KnownDatabase.class, databaseId);
        if (database == null) {
            throw new NotFoundProblem("Database", databaseId);
        }
        List<String> notes = new ArrayList<>();
        KnownServer dr = targets.pairedDrServer(database);
        RestoreThroughput throughput = dr == null ? RestoreThroughput.unmeasured() : throughputs.of(dr.id);
        if (dr == null) {
            notes.add("no DR server is paired with the server of " + database.name + "; restore throughput is the "
                    + "documented default");
        }
        BackupHistory history = catalog.history(databaseId);
        RtoForecast.Outlook now = now(database, history, dr, throughput, notes);
        KnownPolicy policy = em.find(KnownPolicy.class, databaseId);
        RtoForecast.Outlook atWorst = null;
        if (policy == null) {
            notes.add("the backup service has announced no policy for " + database.name + "; no worst case can be "
                    + "given");
        } else {
            atWorst = RtoForecast.atWorst(policy, history, throughput, database.rtoMinutes, database.rpoMinutes)
                    .orElse(null);
            notes.addAll(policyNotes(database, policy, atWorst));
        }
        return new RtoView(database.id, database.name, database.rtoMinutes, database.rpoMinutes,
                dr == null ? null : new RestorePlan.Target(dr.id, dr.currentName, dr.siteId),
                policy == null ? null : new RtoView.Policy(policy.fullKind, policy.fullEveryMinutes,
                        policy.differentialMinutes, policy.logMinutes, policy.paused, policy.offsiteCopies),
                now, atWorst, notes);
    }

    private RtoForecast.Outlook now(KnownDatabase database, BackupHistory history, KnownServer dr,
            RestoreThroughput throughput, List<String> notes) {
        try {
            ChainSelection.Selected latest = ChainSelection.latest(history);
            List<RestorePlan.Step> steps = TargetMapping.steps(latest, history, dr == null ? null : dr.siteId);
            return RtoForecast.now(steps, latest.restoresTo(), clock.instant(), throughput, database.rtoMinutes,
                    database.rpoMinutes);
        } catch (ChainSelection.Unreachable e) {
            notes.add("nothing can be restored now: " + e.getMessage());
            return null;
        }
    }

    private static List<String> policyNotes(KnownDatabase database, KnownPolicy policy, RtoForecast.Outlook atWorst) {
        List<String> notes = new ArrayList<>();
        if (atWorst == null) {
            notes.add("no full backup of " + database.name + " is cataloged yet to size the worst case");
        }
        if (policy.paused) {
            notes.add("the backup policy is paused: the data at risk grows until it is resumed");
        }
        if (!policy.offsiteCopies) {
            notes.add("the backup policy makes no offsite copies: a disaster at the production site loses the "
                    + "backups with the database");
        }
        return notes;
    }
}
