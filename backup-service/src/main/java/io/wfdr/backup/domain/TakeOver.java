package io.wfdr.backup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A database that took over from another (the restored TFLOWF_DR in place of TFLOWF), as the inventory announced
 * it. It is protected once both databases are known here: a copy of the replaced database's policy, then a full
 * backup at once. Until its own backups are restorable from offsite, its RPO age counts from the replaced one's, so
 * the switch hides no breach. What the copy could not carry over is kept in {@link #notes} for the policy's warnings.
 */
@Entity
@Table(name = "take_over")
public class TakeOver {

    private static final String NOTE_SEPARATOR = "\n";

    /** The database that took over. */
    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Column(name = "from_database_id", nullable = false)
    public String fromDatabaseId;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "runbook_id", nullable = false)
    public String runbookId;

    @Column(name = "taken_over_at", nullable = false)
    public Instant takenOverAt;

    /** When its policy was made (or found); null while the database is not known here yet. */
    @Column(name = "protected_at")
    public Instant protectedAt;

    /** The full backup started for it; null while none could start. */
    @Column(name = "first_operation_id")
    public String firstOperationId;

    /** Why no first backup ran, in words; null once one started. */
    @Column(name = "no_backup_reason")
    public String noBackupReason;

    @Column(nullable = false)
    public String notes = "";

    public boolean isProtected() {
        return protectedAt != null;
    }

    public boolean awaitsFirstBackup() {
        return isProtected() && firstOperationId == null;
    }

    public List<String> notes() {
        return notes.isEmpty() ? List.of() : Arrays.asList(notes.split(NOTE_SEPARATOR));
    }

    public void note(List<String> more) {
        List<String> all = new ArrayList<>(notes());
        all.addAll(more);
        notes = String.join(NOTE_SEPARATOR, all);
    }
}
