-- A VM host's datastore may be reached over SSH instead of mounted here: where to connect, as whom, the pinned
-- host key, and one way to log on (the secret reference of a password, or a private key file); all null when the
-- datastore is a folder mounted here.
ALTER TABLE host_datastore ADD ssh_host VARCHAR(253);
ALTER TABLE host_datastore ADD ssh_port INT;
ALTER TABLE host_datastore ADD ssh_user VARCHAR(64);
ALTER TABLE host_datastore ADD ssh_host_key VARCHAR(100);
ALTER TABLE host_datastore ADD ssh_password_ref VARCHAR(500);
ALTER TABLE host_datastore ADD ssh_private_key VARCHAR(1000);
