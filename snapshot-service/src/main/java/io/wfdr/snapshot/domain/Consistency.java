package io.wfdr.snapshot.domain;

/** How a snapshot's point in time was caught: with the guest's file systems frozen by its agent, or as after a power cut. */
public enum Consistency {
    QUIESCED, CRASH_CONSISTENT
}
