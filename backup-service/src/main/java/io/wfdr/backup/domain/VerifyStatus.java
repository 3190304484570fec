package io.wfdr.backup.domain;

/** How RESTORE VERIFYONLY judged a backup set this service took. */
public enum VerifyStatus {
    PASSED, FAILED, NOT_RUN
}
