-- One trace runs from a REST call through the outbox and Kafka into the consumer's work: the outbox keeps the W3C
-- traceparent of the work that wrote the event, the audit trail the trace id of the call or command it records.
ALTER TABLE outbox_message ADD traceparent VARCHAR(55);
ALTER TABLE audit_record ADD trace_id VARCHAR(32);
CREATE INDEX ix_audit_record_trace ON audit_record (trace_id);
