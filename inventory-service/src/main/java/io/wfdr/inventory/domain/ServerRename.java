package io.wfdr.inventory.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A recorded change of the name a server answers to (failover: the DR server takes the production name); kept after
 * the server is removed.
 */
@Entity
@Table(name = "server_name_change")
public class ServerRename extends io.quarkus.hibernate.orm.panache.PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "server_rename_seq")
    @SequenceGenerator(name = "server_rename_seq", sequenceName = "server_rename_seq", allocationSize = 1)
    public Long id;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "from_name", nullable = false)
    public String fromName;

    @Column(name = "to_name", nullable = false)
    public String toName;

    @Column(nullable = false)
    public String reason;

    @Column(name = "renamed_at", nullable = false)
    public Instant renamedAt;
}
