package io.wfdr.restore.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;

/**
 * The third stage: the chosen chain made concrete for the target. Each step names one file per stripe — a verified
 * copy, those at the target's site first — and the full's step moves every logical file to the target's folders
 * under names made from the new database name ({@code TFLOWF_DR.mdf}, {@code TFLOWF_DR_2.ndf},
 * {@code TFLOWF_DR_log.ldf}).
 */
public final class TargetMapping {

    private TargetMapping() {
    }

    public static List<RestorePlan.Step> steps(ChainSelection.Selected selected, BackupHistory history,
            String preferredSiteId) {
        List<RestorePlan.Step> steps = new ArrayList<>();
        List<BackupSet> sets = selected.steps();
        for (int i = 0; i < sets.size(); i++) {
            BackupSet set = sets.get(i);
            boolean last = i == sets.size() - 1;
            steps.add(new RestorePlan.Step(i + 1, set.type(), set.backupSetUuid(), set.position(),
                    files(set, history, preferredSiteId), set.hasBackupChecksums(), set.sizeOnDisk(),
                    last && set.type() == BackupType.LOG ? selected.stopAt() : null));
        }
        return steps;
    }

    /** One copy of every stripe: at the preferred site (the target's) if there is one, else another verified one. */
    static List<RestorePlan.StepFile> files(BackupSet set, BackupHistory history, String preferredSiteId) {
        List<RestorePlan.StepFile> files = new ArrayList<>();
        for (int stripe = 1; stripe <= Math.max(1, set.media().familyCount()); stripe++) {
            int wanted = stripe;
            CopyLocation copy = history.copiesOf(set).stream().filter(c -> c.stripe() == wanted)
                    .min(Comparator.comparing((CopyLocation c) -> preferredSiteId == null
                            || !preferredSiteId.equals(c.siteId())).thenComparing(CopyLocation::copyId))
                    .orElseThrow(() -> new IllegalStateException("stripe " + wanted + " of " + set.backupSetUuid()
                            + " has no verified copy"));
            files.add(new RestorePlan.StepFile(stripe, copy.restorePath(), copy.copyId(), copy.siteId()));
        }
        return files;
    }

    /** A MOVE for every logical file of the full, to the data or log folder, named after the new database. */
    public static List<RestorePlan.Move> moves(BackupSet full, String newName, String dataFolder, String logFolder) {
        List<RestorePlan.Move> moves = new ArrayList<>();
        int data = 0;
        int logs = 0;
        for (BackupSet.LogicalFile file : full.logicalFiles()) {
            boolean log = "L".equals(file.type());
            String name;
            if (log) {
                logs++;
                name = newName + "_log" + (logs == 1 ? "" : "_" + logs) + ".ldf";
            } else if ("D".equals(file.type())) {
                data++;
                name = newName + (data == 1 ? ".mdf" : "_" + data + ".ndf");
            } else {
                name = newName + "_" + file.type().toLowerCase(Locale.ROOT) + file.fileId();
            }
            moves.add(new RestorePlan.Move(file.logicalName(), file.type(), log ? logFolder : dataFolder, name));
        }
        return moves;
    }
}
