-- Runbooks: the restore's steps carried out one by one, each state change stored before and after its action, so a
-- restarted service resumes where the work was; the lease (owner, lease_until) keeps two instances off one runbook.
CREATE TABLE runbook (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    template             VARCHAR(40)    NOT NULL,
    plan_id              VARCHAR(36)    NOT NULL,
    database_id          VARCHAR(36)    NOT NULL,
    ticket_id            VARCHAR(100),
    reason               NVARCHAR(1000) NOT NULL,
    requested_by         NVARCHAR(200)  NOT NULL,
    requested_by_name    NVARCHAR(200),
    request_id           VARCHAR(64),
    traceparent          VARCHAR(55),
    status               VARCHAR(30)    NOT NULL,
    approval_reasons     NVARCHAR(2000),
    approved_by          NVARCHAR(200),
    approved_at          DATETIME2(6),
    approved_fingerprint VARCHAR(64),
    definition           NVARCHAR(MAX)  NOT NULL,
    fingerprint          VARCHAR(64)    NOT NULL,
    callback_url         NVARCHAR(500),
    pause_requested      BIT            NOT NULL DEFAULT 0,
    cancel_requested     BIT            NOT NULL DEFAULT 0,
    owner                VARCHAR(100),
    lease_until          DATETIME2(6),
    created_at           DATETIME2(6)   NOT NULL,
    started_at           DATETIME2(6),
    ended_at             DATETIME2(6),
    outcome              NVARCHAR(4000),
    revision             BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX ix_runbook_status ON runbook (status, lease_until);
CREATE INDEX ix_runbook_created ON runbook (created_at);

CREATE TABLE runbook_step (
    runbook_id     VARCHAR(36)    NOT NULL,
    number         INT            NOT NULL,
    name           VARCHAR(60)    NOT NULL,
    title          NVARCHAR(200)  NOT NULL,
    manual         BIT            NOT NULL,
    idempotent     BIT            NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    phase          VARCHAR(10),
    attempts       INT            NOT NULL DEFAULT 0,
    act_started_at DATETIME2(6),
    started_at     DATETIME2(6),
    ended_at       DATETIME2(6),
    progress       INT,
    outcome        NVARCHAR(4000),
    note           NVARCHAR(2000),
    decided_by     NVARCHAR(200),
    PRIMARY KEY (runbook_id, number),
    CONSTRAINT fk_runbook_step FOREIGN KEY (runbook_id) REFERENCES runbook (id)
);

-- A retried POST /api/restores with the same Idempotency-Key gets the first runbook back.
CREATE TABLE runbook_request_key (
    request_key         VARCHAR(200) NOT NULL PRIMARY KEY,
    runbook_id          VARCHAR(36)  NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL
);

-- Status callbacks, written with the change they report (no dual write), delivered and retried by the service.
CREATE TABLE runbook_callback (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    runbook_id   VARCHAR(36)    NOT NULL,
    url          NVARCHAR(500)  NOT NULL,
    body         NVARCHAR(MAX)  NOT NULL,
    created_at   DATETIME2(6)   NOT NULL,
    attempts     INT            NOT NULL DEFAULT 0,
    next_at      DATETIME2(6)   NOT NULL,
    delivered_at DATETIME2(6),
    last_error   NVARCHAR(1000)
);
CREATE INDEX ix_runbook_callback_due ON runbook_callback (delivered_at, next_at);

-- What a database-recovery runbook needs to know of the inventory: each server's roles, environment and state (the
-- DR iProcess Engine server must be ONLINE), the Workflow logins (SID, secret reference) and the TFLOWF System DSN.
ALTER TABLE known_server ADD environment_id VARCHAR(36);
ALTER TABLE known_server ADD roles VARCHAR(200);
ALTER TABLE known_server ADD state VARCHAR(30);

CREATE TABLE known_login (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(128) NOT NULL,
    server_id      VARCHAR(36)   NOT NULL,
    environment_id VARCHAR(36)   NOT NULL,
    sid            VARCHAR(34),
    secret_ref     NVARCHAR(300)
);
CREATE INDEX ix_known_login_server ON known_login (server_id);

CREATE TABLE known_dsn (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    name             NVARCHAR(128) NOT NULL,
    server_id        VARCHAR(36)   NOT NULL,
    environment_id   VARCHAR(36)   NOT NULL,
    bitness          INT           NOT NULL,
    target_server_id VARCHAR(36)   NOT NULL,
    default_database NVARCHAR(128) NOT NULL,
    login_id         VARCHAR(36)   NOT NULL
);

-- How a runbook drives a Windows server: the services it stops and starts, its OpenSSH (port, user, the user's secret
-- reference, the pinned host key) and, for a Workflow Web Server, the URL it answers on.
ALTER TABLE known_server ADD windows_services NVARCHAR(MAX);
ALTER TABLE known_server ADD remote_shell NVARCHAR(1000);
ALTER TABLE known_server ADD workflow_url NVARCHAR(500);
