package io.wfdr.restore.domain;

import java.util.ArrayList;
import java.util.List;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;

/**
 * The fourth stage: what a DBA would want to know before running the plan, read from the plan and the catalog
 * (nothing here runs on a SQL Server; the runbook's preflight checks the target itself).
 */
public final class Preflight {

    private Preflight() {
    }

    public record Facts(BackupHistory history, ChainSelection.Selected selected, List<RestorePlan.Step> steps,
            String productionSiteId, String targetSiteId, boolean nameTakenOnTarget, String newName) {
    }

    public static List<String> warnings(Facts facts) {
        List<String> warnings = new ArrayList<>();
        onlyAtProduction(facts, warnings);
        newerChainNotOffsite(facts, warnings);
        for (BackupSet set : facts.selected().steps()) {
            if (set.encryption() != null) {
                warnings.add(set.type() + " backup " + set.backupSetUuid() + " is encrypted (" + set.encryption()
                        .algorithm() + "); the target needs the " + set.encryption().encryptorType() + " with "
                        + "thumbprint " + set.encryption().encryptorThumbprint() + " in master");
            }
            if (set.type() == BackupType.LOG && set.hasBulkLoggedData()) {
                warnings.add("log backup " + set.backupSetUuid() + " holds bulk-logged changes: STOPAT cannot point "
                        + "inside it, only to its end");
            }
        }
        if (facts.nameTakenOnTarget()) {
            warnings.add(facts.newName() + " already exists on the target; restoring over it needs REPLACE and an "
                    + "approver");
        }
        return warnings;
    }

    private static void onlyAtProduction(Facts facts, List<String> warnings) {
        boolean onlyProduction = facts.productionSiteId() != null && facts.steps().stream()
                .flatMap(s -> s.files().stream())
                .allMatch(f -> facts.productionSiteId().equals(f.siteId()));
        if (onlyProduction) {
            warnings.add("every file of this plan is a copy at the production site; if that site is lost, so is "
                    + "this restore");
        }
    }

    private static void newerChainNotOffsite(Facts facts, List<String> warnings) {
        notYetOffsite(facts.history()).stream()
                .filter(s -> s.finishedAt().isAfter(facts.selected().restoresTo()))
                .findFirst()
                .ifPresent(s -> warnings.add("a newer " + s.type() + " backup (" + s.backupSetUuid() + ", "
                        + s.finishedAt() + ") is not verified offsite yet, so the plan cannot use it"));
    }

    /** Undamaged fulls and differentials a restore cannot use yet, oldest first (worked out once per history). */
    private static List<BackupSet> notYetOffsite(BackupHistory history) {
        return history.derived("fulls and differentials not offsite", () -> history.sets().stream()
                .filter(s -> s.type() != BackupType.LOG && !s.damaged() && !history.usable(s)).toList());
    }
}
