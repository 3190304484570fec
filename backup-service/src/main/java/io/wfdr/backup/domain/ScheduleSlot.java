package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A scheduled backup that fired, claimed by exactly one instance of the service (the primary key sees to it). */
@Entity
@Table(name = "schedule_slot")
@IdClass(ScheduleSlot.Key.class)
public class ScheduleSlot {

    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "backup_type")
    public BackupType type;

    @Id
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "claimed_by", nullable = false)
    public String claimedBy;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;

    /** The operation the slot started; null while it is being started, under {@link #leaseUntil}. */
    @Column(name = "operation_id")
    public String operationId;

    /** Until when the claiming instance has to start the slot's backup; after that another instance does. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    public static class Key implements Serializable {
        public String databaseId;
        public BackupType type;
        public Instant dueAt;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(databaseId, k.databaseId) && type == k.type
                    && Objects.equals(dueAt, k.dueAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(databaseId, type, dueAt);
        }
    }
}
