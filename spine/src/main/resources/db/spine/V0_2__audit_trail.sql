-- The audit trail every service keeps: who changed what, when, with which outcome; and every denied call.
-- Written through the API never: rows are only added (and purged past retention).
CREATE TABLE audit_record (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    recorded_at   DATETIME2(6)  NOT NULL,
    request_id    VARCHAR(64)   NOT NULL,
    channel       VARCHAR(10)   NOT NULL,
    actor_subject NVARCHAR(255),
    actor_name    NVARCHAR(255),
    principal     NVARCHAR(255),
    action        VARCHAR(200)  NOT NULL,
    target        NVARCHAR(400) NOT NULL,
    resource_id   NVARCHAR(200),
    ticket_id     NVARCHAR(100),
    status        INT,
    outcome       VARCHAR(20)   NOT NULL
);
CREATE INDEX ix_audit_record_time ON audit_record (recorded_at);
CREATE INDEX ix_audit_record_actor ON audit_record (actor_subject, recorded_at);
CREATE INDEX ix_audit_record_resource ON audit_record (resource_id, recorded_at);
CREATE INDEX ix_audit_record_request ON audit_record (request_id);

-- Every event carries the actor that caused it and the request id of the call or command.
ALTER TABLE outbox_message ADD actor NVARCHAR(255);
ALTER TABLE outbox_message ADD request_id VARCHAR(64);
