package io.wfdr.snapshot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Where a VM host keeps wfdr's files: its VMs' snapshots — or, for a DR VM host, the replicas it receives — and the
 * folder the disks of VMs created there from them are written to. wfdr reaches them as a folder mounted here, or
 * over SSH (then the folders are as the host names them, and the host's own coreutils and qemu-img work on them).
 */
@Entity
@Table(name = "host_datastore")
public class HostDatastore {

    @Id
    @Column(name = "host_id")
    public String hostId;

    @Column(name = "snapshot_folder", nullable = false)
    public String snapshotFolder;

    @Column(name = "disk_folder", nullable = false)
    public String diskFolder;

    /** Set when the datastore is reached over SSH: the host to connect to. */
    @Column(name = "ssh_host")
    public String sshHost;

    @Column(name = "ssh_port")
    public Integer sshPort;

    @Column(name = "ssh_user")
    public String sshUser;

    /** The host key as OpenSSH prints its fingerprint (SHA256:…); a host offering another key is refused. */
    @Column(name = "ssh_host_key")
    public String sshHostKey;

    /** The secret reference of the password ({@code env:}, {@code file:}, {@code k8s:}), never the password. */
    @Column(name = "ssh_password_ref")
    public String sshPasswordRef;

    /** Or a private key file on this machine. */
    @Column(name = "ssh_private_key")
    public String sshPrivateKey;

    @Version
    public long revision;

    public boolean overSsh() {
        return sshHost != null;
    }
}
