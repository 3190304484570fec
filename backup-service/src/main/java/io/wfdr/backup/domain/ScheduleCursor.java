package io.wfdr.backup.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How far a policy's schedule has been looked at, by any instance: slots after it are still to be looked at. */
@Entity
@Table(name = "schedule_cursor")
public class ScheduleCursor {

    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Column(name = "checked_up_to", nullable = false)
    public Instant checkedUpTo;

    @Version
    public long revision;
}
