package io.wfdr.backup.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A request to send the catalog again (all of it, or one database's) for a consumer that started late. It is worked
 * off in batches; {@link #afterBackupSet} is how far it got, so a restart goes on from there.
 */
@Entity
@Table(name = "republish_request")
public class RepublishRequest {

    public enum State { PENDING, DONE }

    @Id
    public String id;

    @Column(name = "database_id")
    public String databaseId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    public String reason;

    @Column(name = "after_backup_set")
    public String afterBackupSet;

    @Column(nullable = false)
    public int sent;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long revision;
}
