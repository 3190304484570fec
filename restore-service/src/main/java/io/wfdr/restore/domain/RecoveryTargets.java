package io.wfdr.restore.domain;

import java.util.List;

/**
 * Everything a {@code database-recovery} runbook acts on, resolved from the inventory when it is requested and never
 * changed after approval — secret-free: passwords are references, resolved only when a step connects.
 *
 * @param plan              the restore chain and the new name
 * @param sqlServer         the DR SQL Server the plan restores on, and the login wfdr connects as
 * @param logins            the Workflow logins to have on it (tfwfowner, tfwfuser): production's name, SID, secret
 * @param engineServer      the DR Workflow iProcess Engine server: brought online, its services stopped and started
 * @param dsn               the TFLOWF System DSN on that server, and what it must point at
 * @param webUrl            where the Workflow Web Server answers, or null when the inventory has none
 * @param recoveryModel     production's recovery model, which the restored database must have
 * @param sourceVersion     the SQL Server version the full backup was taken on ({@code 15.0.4261.1}), or null
 * @param encryptors        thumbprints of the certificates or keys the plan's encrypted backups need in master
 * @param options           how to run it
 */
public record RecoveryTargets(RestorePlan plan, SqlEndpoint sqlServer, List<WorkflowLogin> logins,
        WindowsServer engineServer, Dsn dsn, String webUrl, String recoveryModel, String sourceVersion,
        List<String> encryptors, Options options) {

    /** A SQL Server by its current name, how it listens, and the login (with its secret reference) wfdr uses. */
    public record SqlEndpoint(String serverId, String host, int port, String instanceName, boolean encrypt,
            boolean trustServerCertificate, String login, String secretRef) {
    }

    /** A login Workflow uses: its production SID (0x…, or null when the inventory has none) and password reference. */
    public record WorkflowLogin(String name, String sid, String secretRef) {
    }

    /**
     * A Windows server: its inventory id and current name, the services wfdr stops and starts there, and how to reach
     * its OpenSSH (null when the inventory has no remote shell for it).
     */
    public record WindowsServer(String serverId, String name, List<String> services, RemoteShell remoteShell) {
    }

    /** OpenSSH on a Windows server: port, account, the account's secret reference, the pinned host key. */
    public record RemoteShell(String host, int port, String user, String secretRef, String hostKeyFingerprint) {
    }

    /**
     * The System DSN: its name, its platform ({@code 32-bit} for a 32-bit DSN on a 64-bit machine, as the guide's
     * SysWOW64 note says), and the login it connects as, with that login's secret reference.
     */
    public record Dsn(String id, String name, String platform, String login, String secretRef) {
    }

    /**
     * @param replace        the new name exists on the target and an approver agreed to restore over it
     * @param checkDb        {@code PHYSICAL_ONLY} (default) or {@code FULL}
     * @param activityQuery  the query that returns the newest Workflow activity time in the restored database
     * @param serviceTimeoutSeconds how long services may take to stop or start
     */
    public record Options(boolean replace, String checkDb, String activityQuery, int serviceTimeoutSeconds) {
    }
}
