package io.wfdr.snapshot.replication;

/** A file as the DR end stores it now: its size and the SHA-256 it computed itself from its storage. */
public record StoredReplica(long bytes, String sha256) {
}
