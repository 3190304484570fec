-- Whether a name is taken on a target server is asked by every plan: by server, not by a scan of every database.
CREATE INDEX ix_known_database_server ON known_database (server_id);
