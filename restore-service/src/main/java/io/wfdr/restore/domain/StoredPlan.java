package io.wfdr.restore.domain;

import java.time.Instant;

import io.wfdr.spine.contract.ContractJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A restore plan as made, never changed; the fingerprint is the catalog's state it was made from. */
@Entity
@Table(name = "restore_plan")
public class StoredPlan {

    @Id
    public String id;

    @Column(name = "database_id", nullable = false, updatable = false)
    public String databaseId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "catalog_fingerprint", nullable = false, updatable = false)
    public String catalogFingerprint;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    public String plan;

    public static StoredPlan of(RestorePlan plan, String fingerprint) {
        StoredPlan stored = new StoredPlan();
        stored.id = plan.id();
        stored.databaseId = plan.databaseId();
        stored.createdAt = plan.createdAt();
        stored.catalogFingerprint = fingerprint;
        stored.plan = ContractJson.write(plan);
        return stored;
    }

    public RestorePlan plan() {
        return ContractJson.read(plan, RestorePlan.class);
    }
}
