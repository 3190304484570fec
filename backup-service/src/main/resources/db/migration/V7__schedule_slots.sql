-- One row per scheduled backup that fired: the primary key lets exactly one instance of the service claim a slot.
CREATE TABLE schedule_slot (
    database_id  VARCHAR(36)  NOT NULL,
    backup_type  VARCHAR(20)  NOT NULL,
    due_at       DATETIME2(6) NOT NULL,
    claimed_by   VARCHAR(100) NOT NULL,
    claimed_at   DATETIME2(6) NOT NULL,
    operation_id VARCHAR(36),
    CONSTRAINT pk_schedule_slot PRIMARY KEY (database_id, backup_type, due_at)
);
