package io.wfdr.inventory.domain;

/** Whether the DR server of a pair stands in for its production server. */
public enum PairStatus {
    NORMAL, FAILED_OVER
}
