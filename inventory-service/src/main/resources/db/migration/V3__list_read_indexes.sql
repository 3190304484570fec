-- Lists of pairs are read page by page in pairing order within an environment.
CREATE INDEX ix_pair_environment_order ON server_pair (environment_id, paired_at, id);
CREATE INDEX ix_pair_order ON server_pair (paired_at, id);
CREATE INDEX ix_server_name_order ON server (name);
