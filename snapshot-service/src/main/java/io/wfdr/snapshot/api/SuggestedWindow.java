package io.wfdr.snapshot.api;

import java.time.Instant;
import java.util.List;

/**
 * The low-activity window suggested for a VM's daily full: the {@code hours} consecutive hours of the day (in {@code
 * zone}; {@code end} before {@code start} crosses midnight) in which the VM's incrementals found the fewest bytes
 * changed, over the {@code days} days before {@code to}. {@code bytesPerHour} has the 24 hours of the day from
 * 00:00–01:00, each incremental's bytes spread evenly over the interval it covers. Hours no incremental covered are
 * {@code unmeasuredHours} and never part of a suggestion. Without a suggestion ({@code suggested} false: no
 * measurements yet, or too few hours measured) {@code start}, {@code end} and {@code windowBytes} are null and {@code
 * note} says why.
 */
public record SuggestedWindow(String vmId, String vmName, boolean suggested, String start, String end, String zone,
        int hours, int days, Instant from, Instant to, int basedOnMeasures, List<Long> bytesPerHour,
        Long windowBytes, List<Integer> unmeasuredHours, String note) {
}
