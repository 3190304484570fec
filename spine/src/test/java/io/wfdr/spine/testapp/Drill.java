package io.wfdr.spine.testapp;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A test-only aggregate: the spine's tests need some state to change and some event to publish. */
@Entity
@Table(name = "drill")
public class Drill extends PanacheEntityBase {

    public enum Kind { VIRTUAL_MACHINE, PHYSICAL_MACHINE }

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Column(name = "runs_counted", nullable = false)
    public int runsCounted;
}
