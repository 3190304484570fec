-- The backup service's own view of the inventory, built from wfdr.inventory.events (never from inventory's
-- tables). No foreign keys: events of different aggregates arrive in any order.
CREATE TABLE known_site (
    id   VARCHAR(36)   NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    role VARCHAR(20)   NOT NULL
);

CREATE TABLE known_host (
    id      VARCHAR(36)   NOT NULL PRIMARY KEY,
    name    NVARCHAR(100) NOT NULL,
    site_id VARCHAR(36)   NOT NULL
);

CREATE TABLE known_server (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    name           VARCHAR(15) NOT NULL,
    current_name   VARCHAR(15) NOT NULL,
    site_id        VARCHAR(36) NOT NULL,
    host_id        VARCHAR(36),
    database_server BIT        NOT NULL
);

CREATE TABLE known_database (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(128) NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    server_id      VARCHAR(36)   NOT NULL,
    environment_id VARCHAR(36)   NOT NULL,
    recovery_model VARCHAR(20)   NOT NULL,
    rpo_minutes    INT           NOT NULL,
    rto_minutes    INT           NOT NULL
);
CREATE INDEX ix_known_database_server ON known_database (server_id);

CREATE TABLE known_login (
    id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    name       NVARCHAR(128) NOT NULL,
    server_id  VARCHAR(36)   NOT NULL,
    secret_ref NVARCHAR(300) NOT NULL
);
CREATE INDEX ix_known_login_server ON known_login (server_id);
