package io.wfdr.backup.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The policy of a database that took over from another (TFLOWF_DR from TFLOWF): the replaced database's schedules,
 * retention and verification, written the same way, but with its offsite copies sent away from the new database's
 * own site — which is the DR site the copies used to go to. What cannot be carried over is said in {@link #notes}.
 */
public final class PolicyCopy {

    private final BackupPolicy policy = new BackupPolicy();
    private final List<String> notes = new ArrayList<>();

    /** Where the database that took over lives: its machine and site (null when the inventory named none). */
    public record Home(String databaseName, String serverName, String machineId, String siteId) {
    }

    private PolicyCopy() {
    }

    /**
     * @param siteOfMachine the site of a destination's machine, null when the inventory knows no such machine
     */
    public static PolicyCopy of(BackupPolicy replaced, String replacedName, Home home,
            Function<String, String> siteOfMachine) {
        PolicyCopy copy = new PolicyCopy();
        copy.schedules(replaced);
        copy.writing(replaced);
        copy.folder(replaced, replacedName, home);
        copy.destinations(replaced, replacedName, home, siteOfMachine);
        return copy;
    }

    public BackupPolicy policy() {
        return policy;
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void schedules(BackupPolicy replaced) {
        policy.fullKind = replaced.fullKind;
        policy.fullTime = replaced.fullTime;
        policy.fullDay = replaced.fullDay;
        policy.fullCron = replaced.fullCron;
        policy.timeZone = replaced.timeZone;
        policy.differentialMinutes = replaced.differentialMinutes;
        policy.logMinutes = replaced.logMinutes;
        policy.retentionDays = replaced.retentionDays;
        policy.paused = false;
    }

    private void writing(BackupPolicy replaced) {
        policy.compression = replaced.compression;
        policy.checksum = replaced.checksum;
        policy.verifyAfterBackup = replaced.verifyAfterBackup;
        policy.encryptionCertificate = replaced.encryptionCertificate;
        policy.maxTransferSize = replaced.maxTransferSize;
        policy.bufferCount = replaced.bufferCount;
    }

    /**
     * The same backup folder (the DR server was installed like production). Where this service reads it is kept
     * only for a share (a UNC path is the same folder from any server); a local folder's mount is production's.
     */
    private void folder(BackupPolicy replaced, String replacedName, Home home) {
        policy.backupFolder = replaced.backupFolder;
        boolean shared = replaced.backupFolder.startsWith("\\\\");
        policy.backupFolderMount = shared ? replaced.backupFolderMount : null;
        if (!shared && replaced.backupFolderMount != null) {
            notes.add("the backup folder " + replaced.backupFolder + " is local to each server, so " + replacedName
                    + "'s backupFolderMount " + replaced.backupFolderMount + " shows the old server's folder, not "
                    + home.serverName() + "'s: name where this service reads " + home.serverName() + "'s folder "
                    + "(PUT the policy) before any copy of " + home.databaseName() + " goes offsite");
        }
    }

    /** Away from the new database's machine and, where the destinations allow, from its site too. */
    private void destinations(BackupPolicy replaced, String replacedName, Home home,
            Function<String, String> siteOfMachine) {
        List<OffsiteDestination> offMachine = replaced.destinations.stream()
                .filter(d -> !d.hostId.equals(home.machineId())).toList();
        List<OffsiteDestination> offSite = offMachine.stream()
                .filter(d -> siteOfMachine.apply(d.hostId) != null)
                .filter(d -> !Objects.equals(siteOfMachine.apply(d.hostId), home.siteId())).toList();
        List<OffsiteDestination> chosen = offSite.isEmpty() ? offMachine : offSite;
        chosen.forEach(d -> policy.destinations.add(new OffsiteDestination(d.path, d.hostId, d.sqlServerPath)));
        if (chosen.size() < replaced.destinations.size()) {
            notes.add((replaced.destinations.size() - chosen.size()) + " of " + replacedName + "'s offsite "
                    + "destinations are left out: they are on " + home.databaseName() + "'s own machine"
                    + (offSite.isEmpty() ? "" : " or at its own site"));
        }
        if (offSite.isEmpty()) {
            notes.add(chosen.isEmpty()
                    ? "none of " + replacedName + "'s offsite destinations is off " + home.serverName() + ": no copy "
                            + "of " + home.databaseName() + " goes offsite until its policy names one"
                    : "none of " + replacedName + "'s offsite destinations is at a site other than "
                            + home.databaseName() + "'s own: its copies stay at that site, on another machine; add "
                            + "a destination at another site, as the guide asks");
        }
    }
}
