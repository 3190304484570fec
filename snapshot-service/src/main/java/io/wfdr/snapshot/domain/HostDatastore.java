package io.wfdr.snapshot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Where a VM host keeps wfdr's files, as this service reaches them (the host's datastore mounted here): its VMs'
 * snapshots — or, for a DR VM host, the replicas it receives — and the folder rebuilt VMs' disks are written to.
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

    @Version
    public long revision;
}
