package io.wfdr.backup.domain;

/** The guide's choice: a full backup daily at a quiet time, or weekly (more to apply at restore); or any cron. */
public enum FullScheduleKind {
    DAILY, WEEKLY, CRON
}
