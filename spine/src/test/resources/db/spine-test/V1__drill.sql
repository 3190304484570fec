CREATE TABLE drill (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    name         NVARCHAR(50) NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    scheduled_at DATETIME2(6) NOT NULL,
    runs_counted INT          NOT NULL
);
