-- An event Kafka refuses for good (its topic unknown or not allowed, the record too large) is parked with the reason
-- and tried again later; the later events of its key wait behind it. Writers of one key lock its outbox_key row, so
-- a key's events are numbered in the order their transactions commit.
ALTER TABLE outbox_message ADD parked_at DATETIME2(6);
ALTER TABLE outbox_message ADD park_reason NVARCHAR(1000);
ALTER TABLE outbox_message ADD retry_at DATETIME2(6);

CREATE TABLE outbox_key (
    message_key   VARCHAR(200)  NOT NULL PRIMARY KEY
);
