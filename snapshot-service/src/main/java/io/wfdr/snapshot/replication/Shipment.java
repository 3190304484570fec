package io.wfdr.snapshot.replication;

/**
 * One snapshot file shipped to the DR datastore and verified there.
 *
 * @param bytes the file's size
 * @param shippedBytes the bytes this attempt sent (less than {@code bytes} when it resumed, 0 when the replica was
 *        already there)
 * @param resumedFrom the bytes an earlier, interrupted attempt had already stored and this one kept
 * @param sha256 the SHA-256 the source and the DR end's copy both hash to
 */
public record Shipment(String name, long bytes, long shippedBytes, long resumedFrom, String sha256) {
}
