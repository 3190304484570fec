-- The DR inventory. SQL that H2 (MSSQLServer mode) and SQL Server both accept.
CREATE TABLE environment (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    name        NVARCHAR(100) NOT NULL,
    description NVARCHAR(500),
    revision    BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_environment_name ON environment (name);

CREATE TABLE site (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    environment_id VARCHAR(36)   NOT NULL REFERENCES environment (id),
    name           NVARCHAR(100) NOT NULL,
    role           VARCHAR(20)   NOT NULL,
    location       NVARCHAR(200) NOT NULL,
    revision       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_site_name ON site (environment_id, name);

CREATE TABLE host (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(100) NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    hypervisor     VARCHAR(30),
    connection_ref NVARCHAR(300),
    site_id        VARCHAR(36)   NOT NULL REFERENCES site (id),
    revision       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_host_name ON host (name);

CREATE TABLE server (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                    VARCHAR(15)   NOT NULL,
    current_name            VARCHAR(15),
    environment_id          VARCHAR(36)   NOT NULL REFERENCES environment (id),
    site_id                 VARCHAR(36)   NOT NULL REFERENCES site (id),
    roles                   VARCHAR(200)  NOT NULL,
    machine_type            VARCHAR(20)   NOT NULL,
    host_id                 VARCHAR(36)   REFERENCES host (id),
    cpu_sockets             INT,
    cores_per_socket        INT,
    clock_ghz               DECIMAL(6, 2),
    memory_gb               DECIMAL(10, 2),
    disk_gb                 DECIMAL(12, 2),
    file_system             VARCHAR(10),
    os_name                 NVARCHAR(100),
    os_service_pack         NVARCHAR(50),
    sql_server_version      NVARCHAR(100),
    sql_server_service_pack NVARCHAR(50),
    transflo_version        NVARCHAR(50),
    workflow_version        NVARCHAR(50),
    state                   VARCHAR(20)   NOT NULL,
    revision                BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_server_name ON server (name);
CREATE INDEX ix_server_environment ON server (environment_id, name);
CREATE INDEX ix_server_site ON server (site_id);

CREATE TABLE server_pair (
    id                   VARCHAR(36) NOT NULL PRIMARY KEY,
    environment_id       VARCHAR(36) NOT NULL REFERENCES environment (id),
    production_server_id VARCHAR(36) NOT NULL REFERENCES server (id),
    dr_server_id         VARCHAR(36) NOT NULL REFERENCES server (id),
    status               VARCHAR(20) NOT NULL,
    drifted              BIT         NOT NULL,
    paired_at            DATETIME2(6) NOT NULL,
    revision             BIGINT      NOT NULL
);
CREATE UNIQUE INDEX ux_pair_production ON server_pair (production_server_id);
CREATE UNIQUE INDEX ux_pair_dr ON server_pair (dr_server_id);
CREATE INDEX ix_pair_environment ON server_pair (environment_id);

CREATE SEQUENCE server_rename_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE server_rename (
    id         BIGINT       NOT NULL PRIMARY KEY,
    server_id  VARCHAR(36)  NOT NULL REFERENCES server (id),
    from_name  VARCHAR(15)  NOT NULL,
    to_name    VARCHAR(15)  NOT NULL,
    reason     NVARCHAR(200) NOT NULL,
    renamed_at DATETIME2(6) NOT NULL
);
CREATE INDEX ix_rename_server ON server_rename (server_id);

CREATE TABLE sql_database (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(128) NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    server_id      VARCHAR(36)   NOT NULL REFERENCES server (id),
    environment_id VARCHAR(36)   NOT NULL REFERENCES environment (id),
    recovery_model VARCHAR(20)   NOT NULL,
    rpo_minutes    INT           NOT NULL,
    rto_minutes    INT           NOT NULL,
    revision       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_database_name ON sql_database (server_id, name);

CREATE TABLE sql_login (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    name           NVARCHAR(128) NOT NULL,
    server_id      VARCHAR(36)   NOT NULL REFERENCES server (id),
    environment_id VARCHAR(36)   NOT NULL REFERENCES environment (id),
    sid            VARCHAR(66),
    secret_ref     NVARCHAR(300) NOT NULL,
    revision       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_login_name ON sql_login (server_id, name);

CREATE TABLE odbc_dsn (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    name             NVARCHAR(100) NOT NULL,
    server_id        VARCHAR(36)   NOT NULL REFERENCES server (id),
    environment_id   VARCHAR(36)   NOT NULL REFERENCES environment (id),
    bitness          INT           NOT NULL,
    target_server_id VARCHAR(36)   NOT NULL REFERENCES server (id),
    default_database NVARCHAR(128) NOT NULL,
    login_id         VARCHAR(36)   NOT NULL REFERENCES sql_login (id),
    revision         BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_dsn_name ON odbc_dsn (server_id, name, bitness);

CREATE TABLE deployment (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    server_id      VARCHAR(36)   NOT NULL REFERENCES server (id),
    environment_id VARCHAR(36)   NOT NULL REFERENCES environment (id),
    kind           VARCHAR(10)   NOT NULL,
    name           NVARCHAR(200) NOT NULL,
    version        NVARCHAR(50)  NOT NULL,
    deployed_at    DATETIME2(6)  NOT NULL,
    revision       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_deployment_artifact ON deployment (server_id, kind, name);

CREATE TABLE hardware_requirement (
    server_role VARCHAR(40)    NOT NULL,
    component   VARCHAR(30)    NOT NULL,
    minimum     DECIMAL(10, 2) NOT NULL,
    recommended DECIMAL(10, 2) NOT NULL,
    CONSTRAINT pk_hardware_requirement PRIMARY KEY (server_role, component)
);

CREATE TABLE supported_platform (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    kind                   VARCHAR(20)   NOT NULL,
    product                NVARCHAR(100) NOT NULL,
    service_pack           NVARCHAR(50)  NOT NULL,
    additional_requirement NVARCHAR(300)
);
