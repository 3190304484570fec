-- The history of the names a server answered to is kept after the server is removed (an audit of a failover must
-- still say which machine carried which name): the same rows, without the reference to the server row.
CREATE TABLE server_name_change (
    id         BIGINT        NOT NULL PRIMARY KEY,
    server_id  VARCHAR(36)   NOT NULL,
    from_name  VARCHAR(15)   NOT NULL,
    to_name    VARCHAR(15)   NOT NULL,
    reason     NVARCHAR(200) NOT NULL,
    renamed_at DATETIME2(6)  NOT NULL
);
INSERT INTO server_name_change (id, server_id, from_name, to_name, reason, renamed_at)
    SELECT id, server_id, from_name, to_name, reason, renamed_at FROM server_rename;
DROP TABLE server_rename;
CREATE INDEX ix_name_change_server ON server_name_change (server_id);
