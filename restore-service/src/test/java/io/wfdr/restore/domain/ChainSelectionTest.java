package io.wfdr.restore.domain;

import static io.wfdr.restore.domain.Histories.FORK;
import static io.wfdr.restore.domain.Histories.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import org.junit.jupiter.api.Test;

/** The restore rules, each as a test. LSNs are small numbers and times minutes after midnight, for reading. */
class ChainSelectionTest {

    private final Histories h = new Histories();

    @Test
    void theLatestIsTheLastFullThenTheLatestDifferentialOnItThenTheLogsWithoutStopAt() {
        BackupSet full = h.full("F1", 100, 200, 0);
        h.differential("D1", 200, 300, "F1", 60);
        BackupSet d2 = h.differential("D2", 200, 400, "F1", 120);
        h.log("L1", 150, 350, 90);
        BackupSet l2 = h.log("L2", 350, 450, 150);
        BackupSet l3 = h.log("L3", 450, 500, 180);

        ChainSelection.Selected latest = ChainSelection.latest(h.history());

        assertEquals(List.of(full, d2, l2, l3), latest.steps());
        assertNull(latest.stopAt());
        assertEquals(at(180), latest.restoresTo());
    }

    @Test
    void aPointInTimeTakesTheLatestDifferentialBeforeItAndStopsInsideTheLogThatCoversIt() {
        h.full("F1", 100, 200, 0);
        BackupSet d1 = h.differential("D1", 200, 300, "F1", 60);
        h.differential("D2", 200, 400, "F1", 120);
        BackupSet l1 = h.log("L1", 250, 350, 90);
        h.log("L2", 350, 450, 150);

        ChainSelection.Selected at = ChainSelection.at(h.history(), at(75));

        assertEquals(d1, at.differential(), "D2 finished after the point");
        assertEquals(List.of(l1), at.logs());
        assertEquals(at(75), at.stopAt());
    }

    @Test
    void aPointAtTheEndOfALogNeedsNoStopAt() {
        h.full("F1", 100, 200, 0);
        h.log("L1", 150, 300, 30);
        assertNull(ChainSelection.at(h.history(), at(30)).stopAt());
    }

    @Test
    void aDifferentialIsChosenByItsBaseGuidNotByTheNewestFullBeforeIt() {
        BackupSet f1 = h.full("F1", 100, 200, 0);
        h.copyOnlyFull("C1", 250, 300, 30);
        BackupSet d1 = h.differential("D1", 300, 400, "F1", 60);

        ChainSelection.Selected latest = ChainSelection.latest(h.history());

        assertEquals(f1, latest.full());
        assertEquals(d1, latest.differential());
    }

    @Test
    void aCopyOnlyFullIsRestorableButNeverABase() {
        h.add(Histories.set("F1", BackupType.FULL, false, 100, 200, null, FORK, FORK, 0, true, false, 1), true);
        BackupSet c1 = h.copyOnlyFull("C1", 250, 300, 30);
        h.differential("D1", 300, 400, "C1", 60);
        BackupSet l1 = h.log("L1", 150, 350, 45);

        ChainSelection.Selected latest = ChainSelection.latest(h.history());

        assertEquals(c1, latest.full(), "the damaged full cannot, the copy-only one can");
        assertNull(latest.differential());
        assertEquals(List.of(l1), latest.logs());
    }

    @Test
    void copyOnlyLogBackupsAreSkipped() {
        h.full("F1", 100, 200, 0);
        BackupSet l1 = h.log("L1", 150, 300, 30);
        h.add(Histories.set("CL", BackupType.LOG, true, 300, 310, null, FORK, FORK, 40, false, false, 1), true);
        BackupSet l2 = h.log("L2", 300, 400, 60);
        assertEquals(List.of(l1, l2), ChainSelection.latest(h.history()).logs());
    }

    @Test
    void everyStripeIsRequiredAndAnyOneCopyOfEachIsEnough() {
        BackupSet striped = h.add(Histories.set("F2", BackupType.FULL, false, 500, 600, null, FORK, FORK, 60, false,
                false, 2), false);
        h.copy(striped, 1);
        BackupSet f1 = h.full("F1", 100, 200, 0);
        assertEquals(f1, ChainSelection.latest(h.history()).full(), "one stripe of F2 has no verified copy");
        h.copy(striped, 2);
        h.copy(striped, 2);
        assertEquals(striped, ChainSelection.latest(h.history()).full());
    }

    @Test
    void aDamagedSetIsNeverUsed() {
        h.full("F1", 100, 200, 0);
        BackupSet l1 = h.log("L1", 150, 300, 30);
        h.add(Histories.set("L2", BackupType.LOG, false, 300, 400, null, FORK, FORK, 60, true, false, 1), true);
        h.log("L3", 400, 500, 90);
        ChainSelection.Selected latest = ChainSelection.latest(h.history());
        assertEquals(List.of(l1), latest.logs());
        assertTrue(ChainSelection.reach(h.history()).whyNotLater().contains("damaged"));
    }

    @Test
    void aSetWithoutAVerifiedOffsiteCopyIsNeverUsed() {
        h.full("F1", 100, 200, 0);
        h.add(Histories.set("L1", BackupType.LOG, false, 150, 300, null, FORK, FORK, 30, false, false, 1), false);
        assertTrue(ChainSelection.latest(h.history()).logs().isEmpty());
        assertTrue(ChainSelection.reach(h.history()).whyNotLater().contains("no verified offsite copy"));
    }

    @Test
    void theFirstLogMustHoldTheAnchorsLastLsn() {
        BackupSet full = h.full("F1", 100, 200, 0);
        h.log("L1", 210, 300, 30);
        assertEquals(List.of(full), ChainSelection.latest(h.history()).steps());
    }

    @Test
    void aGapEndsTheReachableRangeAndAPointBeyondItIsUnreachableByName() {
        h.full("F1", 100, 200, 0);
        h.log("L1", 150, 300, 30);
        h.log("L3", 400, 500, 90);

        ChainSelection.Reach reach = ChainSelection.reach(h.history());
        assertEquals(at(30), reach.latest());
        assertTrue(reach.whyNotLater().contains("log gap"), reach.whyNotLater());

        ChainSelection.Unreachable unreachable = assertThrows(ChainSelection.Unreachable.class,
                () -> ChainSelection.at(h.history(), at(80)));
        assertEquals(at(80), unreachable.requested());
        assertTrue(unreachable.getMessage().contains(at(80).toString()));
    }

    @Test
    void aPointAfterAGapIsReachedFromANewerFull() {
        h.full("F1", 100, 200, 0);
        h.log("L1", 150, 300, 30);
        BackupSet f2 = h.full("F2", 450, 480, 80);
        h.log("L3", 400, 500, 90);
        assertEquals(f2, ChainSelection.at(h.history(), at(85)).full());
    }

    @Test
    void stopAtCannotPointIntoALogWithBulkLoggedChanges() {
        h.full("F1", 100, 200, 0);
        h.add(Histories.set("L1", BackupType.LOG, false, 150, 300, null, FORK, FORK, 30, false, true, 1), true);
        assertThrows(ChainSelection.Unreachable.class, () -> ChainSelection.at(h.history(), at(20)));
        assertEquals(1, ChainSelection.at(h.history(), at(30)).logs().size(), "its end can be reached");
    }

    @Test
    void theNewForksLogsServeOnlyTimesOnThatFork() {
        h.full("F1", 100, 200, 0);
        BackupSet l1 = h.log("L1", 150, 300, 30);
        BackupSet l2 = h.log("L2", 300, 400, 60);
        BackupSet l3 = h.log("L3", 400, 500, 90);
        String newFork = "F1111111-0000-4000-8000-000000000000";
        BackupSet n1 = h.add(Histories.set("N1", BackupType.LOG, false, 300, 350, null, FORK, newFork, 150, false,
                false, 1), true);
        BackupSet n2 = h.add(Histories.set("N2", BackupType.LOG, false, 350, 380, null, newFork, newFork, 180, false,
                false, 1), true);

        assertEquals(List.of(l1, l2, l3), ChainSelection.at(h.history(), at(80)).logs(),
                "at 01:20 only the old fork existed");
        assertEquals(List.of(l1, n1, n2), ChainSelection.at(h.history(), at(170)).logs());
        assertEquals(List.of(l1, n1, n2), ChainSelection.latest(h.history()).logs(), "the current fork reaches furthest");
    }

    @Test
    void theSameSetReadTwiceIsOneSet() {
        BackupSet full = h.full("F1", 100, 200, 0);
        h.sets.add(full);
        assertEquals(1, h.history().sets().size());
    }

    @Test
    void aHistoryWithNoUsableFullSaysWhy() {
        h.add(Histories.set("F1", BackupType.FULL, false, 100, 200, null, FORK, FORK, 0, true, false, 1), true);
        ChainSelection.Unreachable none = assertThrows(ChainSelection.Unreachable.class,
                () -> ChainSelection.latest(h.history()));
        assertTrue(none.getMessage().contains("damaged"), none.getMessage());
    }
}
