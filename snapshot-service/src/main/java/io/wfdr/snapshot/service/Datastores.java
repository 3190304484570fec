package io.wfdr.snapshot.service;

import java.nio.file.Path;
import java.util.regex.Pattern;

import io.wfdr.snapshot.api.DatastoreRequest;
import io.wfdr.snapshot.api.DatastoreView;
import io.wfdr.snapshot.api.SshAccess;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Violations;
import io.wfdr.spine.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The datastore of each VM host — folders mounted here, or reached over SSH — checked before it is saved (a refused
 * request changes nothing).
 */
@ApplicationScoped
public class Datastores {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:-]{0,251}[A-Za-z0-9])?");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private final EntityManager em;
    private final SecretResolver secrets;

    Datastores(EntityManager em, SecretResolver secrets) {
        this.em = em;
        this.secrets = secrets;
    }

    @Transactional
    public DatastoreView get(String hostId) {
        HostDatastore datastore = em.find(HostDatastore.class, host(hostId).id);
        if (datastore == null) {
            throw new NotFoundProblem("Datastore of VM host", hostId);
        }
        return view(datastore);
    }

    @Transactional
    public DatastoreView put(String hostId, DatastoreRequest request) {
        KnownVmHost host = host(hostId);
        Violations violations = new Violations();
        absolute(request.snapshotFolder(), "snapshotFolder", violations);
        absolute(request.diskFolder(), "diskFolder", violations);
        if (request.ssh() != null) {
            check(request.ssh(), violations);
        }
        violations.throwIfAny("The datastore of " + host.name + " was not saved");
        HostDatastore datastore = em.find(HostDatastore.class, host.id);
        boolean created = datastore == null;
        if (created) {
            datastore = new HostDatastore();
            datastore.hostId = host.id;
        }
        datastore.snapshotFolder = Path.of(request.snapshotFolder()).normalize().toString();
        datastore.diskFolder = Path.of(request.diskFolder()).normalize().toString();
        SshAccess ssh = request.ssh();
        datastore.sshHost = ssh == null ? null : ssh.host();
        datastore.sshPort = ssh == null ? null : ssh.port() == null ? 22 : ssh.port();
        datastore.sshUser = ssh == null ? null : ssh.user();
        datastore.sshHostKey = ssh == null ? null : ssh.hostKeyFingerprint();
        datastore.sshPasswordRef = ssh == null ? null : blankAsNull(ssh.passwordRef());
        datastore.sshPrivateKey = ssh == null || blankAsNull(ssh.privateKeyFile()) == null ? null
                : Path.of(ssh.privateKeyFile()).normalize().toString();
        if (created) {
            em.persist(datastore);
        }
        em.flush();
        return view(datastore);
    }

    private void check(SshAccess ssh, Violations violations) {
        if (ssh.host() == null || !HOST.matcher(ssh.host()).matches()) {
            violations.add("ssh.host", "must be a host name or address");
        }
        if (ssh.port() != null && (ssh.port() < 1 || ssh.port() > 65535)) {
            violations.add("ssh.port", "must be 1 to 65535");
        }
        if (ssh.user() == null || !USER.matcher(ssh.user()).matches()) {
            violations.add("ssh.user", "must be an account name (letters, digits, _ . -)");
        }
        if (ssh.hostKeyFingerprint() == null || !FINGERPRINT.matcher(ssh.hostKeyFingerprint()).matches()) {
            violations.add("ssh.hostKeyFingerprint", "must be the host key's SHA-256 fingerprint as OpenSSH prints "
                    + "it (SHA256: and 43 characters of base64)");
        }
        String passwordRef = blankAsNull(ssh.passwordRef());
        String keyFile = blankAsNull(ssh.privateKeyFile());
        if ((passwordRef == null) == (keyFile == null)) {
            violations.add("ssh", "needs exactly one way to log on: passwordRef or privateKeyFile");
        }
        if (passwordRef != null) {
            try {
                secrets.check(passwordRef);
            } catch (IllegalArgumentException | IllegalStateException e) {
                violations.add("ssh.passwordRef", e.getMessage());
            }
        }
        if (keyFile != null) {
            absolute(keyFile, "ssh.privateKeyFile", violations);
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void absolute(String folder, String field, Violations violations) {
        if (folder != null && (!folder.startsWith("/") || folder.contains("\0")
                || !Path.of(folder).normalize().toString().equals(folder.replaceAll("/+$", "")))) {
            violations.add(field, "must be an absolute path without . or .. parts");
        }
    }

    private KnownVmHost host(String id) {
        KnownVmHost host = em.find(KnownVmHost.class, id);
        if (host == null) {
            throw new NotFoundProblem("VM host", id);
        }
        return host;
    }

    private static DatastoreView view(HostDatastore d) {
        SshAccess ssh = d.overSsh() ? new SshAccess(d.sshHost, d.sshPort, d.sshUser, d.sshHostKey, d.sshPasswordRef,
                d.sshPrivateKey) : null;
        return new DatastoreView(d.hostId, d.snapshotFolder, d.diskFolder, ssh, d.revision);
    }
}
