-- The event spine every service shares: the transactional outbox and the idempotent consumers' inbox.
-- Written in the SQL that H2 (MSSQLServer mode) and SQL Server both accept.
CREATE SEQUENCE outbox_message_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE outbox_message (
    seq_no        BIGINT         NOT NULL PRIMARY KEY,
    event_id      VARCHAR(36)    NOT NULL,
    topic         VARCHAR(249)   NOT NULL,
    message_key   VARCHAR(200)   NOT NULL,
    event_type    VARCHAR(200)   NOT NULL,
    source        VARCHAR(200)   NOT NULL,
    subject       NVARCHAR(400),
    occurred_at   DATETIME2(6)   NOT NULL,
    payload       NVARCHAR(MAX)  NOT NULL,
    published_at  DATETIME2(6)  
);
CREATE UNIQUE INDEX ux_outbox_message_event_id ON outbox_message (event_id);
CREATE INDEX ix_outbox_message_pending ON outbox_message (published_at, seq_no);

CREATE TABLE inbox_message (
    consumer_name VARCHAR(100)   NOT NULL,
    event_id      VARCHAR(100)   NOT NULL,
    event_type    VARCHAR(200)   NOT NULL,
    processed_at  DATETIME2(6)   NOT NULL,
    CONSTRAINT pk_inbox_message PRIMARY KEY (consumer_name, event_id)
);
