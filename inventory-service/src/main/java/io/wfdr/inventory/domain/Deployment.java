package io.wfdr.inventory.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Workflow process or form, at a version, deployed on a Workflow server. */
@Entity
@Table(name = "deployment")
public class Deployment {

    @Id
    public String id;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeploymentKind kind;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String version;

    @Column(name = "deployed_at", nullable = false)
    public Instant deployedAt;

    @Version
    public long revision;

    public String artifact() {
        return kind + " " + name;
    }
}
