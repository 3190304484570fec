package io.wfdr.backup.domain;

/**
 * The guide's daily-versus-weekly trade-off, as numbers: how much work can be lost at worst, and how many backups
 * a restore to the newest point has to apply at worst.
 *
 * @param fullEveryMinutes         time between two full backups
 * @param worstCaseDataLossMinutes the longest time between two backups of any kind (a failure just before the
 *                                 next one loses that much)
 * @param backupsToApplyAtWorst    the full, the newest differential on it, and the log backups since; a restore
 *                                 needs only the newest differential, but it grows with the time since the full
 * @param differentialSpanMinutes  how much change the newest differential can hold at worst: with weekly fulls,
 *                                 up to a week's, which is what makes the restore longer
 * @param meetsRpo                 whether the worst case is within the database's RPO target
 */
public record PolicyTradeOff(long fullEveryMinutes, long worstCaseDataLossMinutes, int backupsToApplyAtWorst,
        long differentialSpanMinutes, int rpoMinutes, boolean meetsRpo) {

    /** The same numbers for a policy that never makes an offsite copy: then no RPO target is met. */
    public PolicyTradeOff withoutOffsiteCopies() {
        return new PolicyTradeOff(fullEveryMinutes, worstCaseDataLossMinutes, backupsToApplyAtWorst,
                differentialSpanMinutes, rpoMinutes, false);
    }
}
