package io.wfdr.snapshot.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import java.util.Optional;

import io.wfdr.snapshot.api.SuggestedWindow;
import io.wfdr.snapshot.config.ActivityConfig;
import io.wfdr.snapshot.domain.ActivityProfile;
import io.wfdr.snapshot.domain.HourMinute;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Suggests a VM's low-activity window for its daily full from measured activity: the bytes each incremental found
 * changed, bucketed by hour of the day in the policy's zone (or the zone asked for; UTC without either) over the last
 * days, each incremental's bytes spread evenly over the interval it covers; the window is the run of consecutive
 * hours of the length asked for with the least bytes ({@link ActivityProfile#quietest}).
 */
@ApplicationScoped
public class ActivityWindows {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The longest look back a request may ask for; measures are kept longer ({@link ActivityConfig#retention}). */
    public static final int MAX_DAYS = 31;

    private final Clock clock;
    private final ActivityConfig config;
    private final VmService vms;
    private final PolicyService policies;
    private final ChangeMeasures measures;

    ActivityWindows(Clock clock, ActivityConfig config, VmService vms, PolicyService policies,
            ChangeMeasures measures) {
        this.clock = clock;
        this.config = config;
        this.vms = vms;
        this.policies = policies;
        this.measures = measures;
    }

    /**
     * @param hours the window's length, 1 to 23; null: {@code wfdr.snapshot.activity.window-hours}
     * @param days  how many days back to look; null: {@code wfdr.snapshot.activity.days}
     * @param zone  the zone of the hours; null: the policy's, or UTC when the VM has no policy
     */
    @Transactional
    public SuggestedWindow suggest(String vmId, Integer hours, Integer days, String zone) {
        KnownVm vm = vms.vm(vmId);
        int length = hours == null ? config.windowHours() : hours;
        int lookBack = days == null ? config.days() : days;
        Violations violations = new Violations();
        if (length < 1 || length >= ActivityProfile.HOURS_PER_DAY) {
            violations.add("hours", "must be 1 to 23");
        }
        if (lookBack < 1 || lookBack > MAX_DAYS) {
            violations.add("days", "must be 1 to " + MAX_DAYS);
        }
        ZoneId zoneId = zone(vmId, zone, violations);
        violations.throwIfAny("The request");

        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(lookBack));
        ActivityProfile profile = ActivityProfile.of(measures.of(vmId, from, to), zoneId, from, to);
        Optional<ActivityProfile.Window> quietest = profile.quietest(length);
        String note;
        if (profile.measures() == 0) {
            note = "No measurements yet: " + vm.name + " has no incrementals in the last " + lookBack + " days, so "
                    + "nothing can be suggested. Each incremental the snapshot engine takes measures the bytes "
                    + "changed; ask again once it has run for a day.";
        } else if (quietest.isEmpty()) {
            note = "The measurements cover too few hours of the day for a window of " + length + " hours ("
                    + profile.unmeasuredHours().size() + " hours unmeasured); ask again once incrementals have run "
                    + "around the clock.";
        } else {
            note = "The " + length + " consecutive hours with the fewest bytes changed, from " + profile.measures()
                    + " measures over " + lookBack + " days.";
        }
        return new SuggestedWindow(vm.id, vm.name, quietest.isPresent(),
                quietest.map(w -> w.start().format(HourMinute.FORMAT)).orElse(null),
                quietest.map(w -> w.end().format(HourMinute.FORMAT)).orElse(null), zoneId.getId(), length, lookBack,
                from, to, profile.measures(), profile.bytesPerHour(),
                quietest.map(ActivityProfile.Window::bytes).orElse(null), profile.unmeasuredHours(), note);
    }

    private ZoneId zone(String vmId, String zone, Violations violations) {
        if (zone != null) {
            if (zone.length() > 60) {
                violations.add("zone", "is longer than a time zone id (at most 60 characters)");
                return UTC;
            }
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                violations.add("zone", "is not a time zone id such as America/New_York");
                return UTC;
            }
        }
        SnapshotPolicy policy = policies.find(vmId);
        return policy == null ? UTC : ZoneId.of(policy.zone);
    }
}
