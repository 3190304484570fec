-- What a runbook needs to drive a Windows server: the services it stops and starts (names one per line, since a
-- service name can hold any character but control characters, / and \; a server and its services load in one row),
-- how it reaches the server's OpenSSH (port, account, the secret reference of its password or key, the pinned host
-- key), and the URL a Workflow Web Server answers on.
ALTER TABLE server ADD windows_services NVARCHAR(MAX) NOT NULL DEFAULT '';
ALTER TABLE server ADD remote_shell_port INT;
ALTER TABLE server ADD remote_shell_user NVARCHAR(128);
ALTER TABLE server ADD remote_shell_secret_ref NVARCHAR(300);
ALTER TABLE server ADD remote_shell_host_key VARCHAR(50);
ALTER TABLE server ADD workflow_url NVARCHAR(500);
