package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The runbook a request with this Idempotency-Key started; a retry that asks for something else is refused. */
@Entity
@Table(name = "runbook_request_key")
public class RunbookRequestKey {

    @Id
    @Column(name = "request_key")
    public String key;

    @Column(name = "runbook_id", nullable = false)
    public String runbookId;

    @Column(name = "request_fingerprint", nullable = false)
    public String requestFingerprint;

    public static RunbookRequestKey of(String key, String runbookId, String fingerprint) {
        RunbookRequestKey stored = new RunbookRequestKey();
        stored.key = key;
        stored.runbookId = runbookId;
        stored.requestFingerprint = fingerprint;
        return stored;
    }
}
