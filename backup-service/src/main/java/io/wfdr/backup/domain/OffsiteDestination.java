package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where copies of the backup files go: a directory (a mounted share or any path) on a machine of the inventory. */
@Embeddable
public class OffsiteDestination {

    @Column(nullable = false)
    public String path;

    @Column(name = "host_id", nullable = false)
    public String hostId;

    public OffsiteDestination() {
    }

    public OffsiteDestination(String path, String hostId) {
        this.path = path;
        this.hostId = hostId;
    }
}
