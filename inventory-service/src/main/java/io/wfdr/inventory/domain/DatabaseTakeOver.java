package io.wfdr.inventory.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A database replaced by its restored copy, as a restore runbook's last step recorded it: which database took over,
 * on which server, which DSN was pointed at it, and why. One per replaced database, so that the same take-over asked
 * again is recognised (and changes nothing) while a different one is refused; kept after either database is removed.
 */
@Entity
@Table(name = "database_take_over")
public class DatabaseTakeOver extends io.quarkus.hibernate.orm.panache.PanacheEntityBase {

    @Id
    @Column(name = "from_database_id")
    public String fromDatabaseId;

    @Column(name = "to_database_id", nullable = false)
    public String toDatabaseId;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "database_name", nullable = false)
    public String databaseName;

    @Column(name = "dsn_id", nullable = false)
    public String dsnId;

    @Column(name = "runbook_id", nullable = false)
    public String runbookId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "taken_over_at", nullable = false)
    public Instant takenOverAt;

    /** Whether this is the take-over asked for: the same runbook moved the same database to the same place. */
    public boolean isSameAs(String serverId, String name, String dsnId, String runbookId) {
        return this.serverId.equals(serverId) && this.databaseName.equalsIgnoreCase(name)
                && this.dsnId.equals(dsnId) && this.runbookId.equals(runbookId);
    }
}
