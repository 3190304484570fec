package io.wfdr.backup.domain;

/**
 * Where an offsite copy stands. PENDING waits for its (next) attempt; COPYING is claimed by one instance under a
 * lease; VERIFIED was read back from the destination's storage with the source's SHA-256; ABANDONED gave up after
 * its attempts (its partial file removed); DELETED was removed by retention.
 */
public enum CopyState {
    PENDING, COPYING, VERIFIED, ABANDONED, DELETED
}
