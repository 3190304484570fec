package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The operation a request with this Idempotency-Key started; a retried request gets that operation back. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @Id
    @Column(name = "request_key")
    public String key;

    @Column(name = "operation_id", nullable = false)
    public String operationId;

    /** What the first request asked for; a retry that asks for something else is refused. */
    @Column(name = "request_fingerprint")
    public String requestFingerprint;
}
