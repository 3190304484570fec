package io.wfdr.inventory.domain;

/** SQL Server recovery model; log backups need FULL or BULK_LOGGED. */
public enum RecoveryModel {
    FULL, BULK_LOGGED, SIMPLE
}
