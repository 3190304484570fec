-- Lists are read by late row lookup: the page's ids come from an index that holds the filter, the order and the id,
-- then only those rows are read. (environment_id, name, id) serves the servers of one environment in name order.
CREATE INDEX ix_server_list ON server (environment_id, name, id);
DROP INDEX ix_server_environment ON server;
-- The same as the unique index ux_server_name on (name).
DROP INDEX ix_server_name_order ON server;
