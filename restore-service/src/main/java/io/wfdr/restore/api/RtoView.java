package io.wfdr.restore.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.restore.domain.RtoForecast;

/**
 * A database's predicted RTO and worst-case data loss on its DR server, now and at the policy's worst moment, next
 * to its targets. {@code now} is null while nothing is reachable, {@code atWorst} while no policy or no full backup
 * is known; {@code notes} says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RtoView(String databaseId, String databaseName, int rtoMinutes, int rpoMinutes,
        RestorePlan.Target target, Policy policy, RtoForecast.Outlook now, RtoForecast.Outlook atWorst,
        List<String> notes) {

    /** The backup policy the forecast is made under, as the backup service announced it. */
    public record Policy(String fullKind, long fullEveryMinutes, Integer differentialMinutes, Integer logMinutes,
            boolean paused, boolean offsiteCopies) {
    }
}
