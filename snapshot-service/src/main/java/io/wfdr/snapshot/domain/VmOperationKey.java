package io.wfdr.snapshot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Idempotency-Key a request came with, the operation it started and the request's fingerprint. */
@Entity
@Table(name = "vm_operation_key")
public class VmOperationKey {

    @Id
    @Column(name = "request_key")
    public String key;

    @Column(name = "operation_id", nullable = false)
    public String operationId;

    @Column(nullable = false)
    public String fingerprint;
}
