package io.wfdr.spine.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The lock writers of one message key take before numbering their event: a second transaction writing the same key
 * waits until the first commits, so a key's sequence numbers follow commit order and the relay publishes them so.
 */
@Entity
@Table(name = "outbox_key")
public class OutboxKey extends PanacheEntityBase {

    @Id
    @Column(name = "message_key")
    public String key;
}
