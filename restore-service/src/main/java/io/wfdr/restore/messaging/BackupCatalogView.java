package io.wfdr.restore.messaging;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.restore.domain.KnownCopy;
import io.wfdr.restore.domain.KnownPolicy;
import io.wfdr.restore.service.KnownPolicies;
import io.wfdr.restore.service.RestoreCatalog;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.ContractJson;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.Payload;
import io.wfdr.spine.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the restore service's catalog in step with {@code wfdr.backup.events}: every backup set as it was cataloged
 * (with everything a restore needs), every verified copy, copies that are no longer intact, and what retention
 * deleted. A consumer that reads the topic from its beginning (or after a {@code republish}) has the whole catalog.
 */
@ApplicationScoped
public class BackupCatalogView {

    private static final String WHAT = "backup event";

    private static final String PREFIX = "wfdr.backup.";

    private final RestoreCatalog catalog;
    private final KnownPolicies policies;
    private final Clock clock;

    BackupCatalogView(RestoreCatalog catalog, KnownPolicies policies, Clock clock) {
        this.catalog = catalog;
        this.policies = policies;
        this.clock = clock;
    }

    public void apply(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case PREFIX + "cataloged.v1" -> catalog.learn(databaseId(data), backupSet(data.get("backupSet")),
                    Payload.text(data, "origin", WHAT), data.path("expired").asBoolean(false));
            case PREFIX + "copied.v1" -> catalog.learnCopy(databaseId(data), copy(data), KnownCopy.State.VERIFIED);
            case PREFIX + "verified.v1" -> catalog.learnCopy(databaseId(data), copy(data),
                    data.path("intact").asBoolean(false) ? KnownCopy.State.VERIFIED : KnownCopy.State.NOT_INTACT);
            case PREFIX + "expired.v1" -> {
                catalog.expire(Payload.text(data, "backupSetUuid", WHAT));
                data.path("copies").forEach(copy -> catalog.learnCopy(databaseId(data), facts(copy),
                        KnownCopy.State.DELETED));
            }
            case PREFIX + "policy-changed.v1" -> policies.learn(policy(data));
            default -> {
                // started, completed, failed, copy-failed, rpo, slots: nothing a restore plan needs
            }
        }
    }

    private KnownPolicy policy(JsonNode data) {
        JsonNode schedule = data.path("schedule");
        JsonNode tradeOff = data.path("tradeOff");
        KnownPolicy policy = new KnownPolicy();
        policy.databaseId = databaseId(data);
        policy.fullKind = Payload.text(schedule, "fullKind", WHAT);
        policy.differentialMinutes = optionalMinutes(schedule, "differentialMinutes");
        policy.logMinutes = optionalMinutes(schedule, "logMinutes");
        policy.fullEveryMinutes = Payload.number(tradeOff, "fullEveryMinutes", WHAT);
        policy.worstCaseLossMinutes = Payload.number(tradeOff, "worstCaseDataLossMinutes", WHAT);
        policy.backupsToApplyAtWorst = Payload.number(tradeOff, "backupsToApplyAtWorst", WHAT);
        policy.differentialSpanMinutes = Payload.number(tradeOff, "differentialSpanMinutes", WHAT);
        policy.paused = data.path("paused").asBoolean(false);
        policy.offsiteCopies = data.path("offsiteCopies").asBoolean(false);
        policy.changedAt = clock.instant();
        return policy;
    }

    private static Integer optionalMinutes(JsonNode schedule, String field) {
        return Payload.optionalText(schedule, field) == null ? null : Payload.number(schedule, field, WHAT);
    }

    private static String databaseId(JsonNode data) {
        return Payload.text(data, "databaseId", WHAT);
    }

    private static BackupSet backupSet(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("a cataloged event without its backup set");
        }
        try {
            BackupSet set = ContractJson.mapper().treeToValue(node, BackupSet.class);
            if (set.backupSetUuid() == null || set.type() == null || set.firstLsn() == null || set.lastLsn() == null
                    || set.finishedAt() == null) {
                throw new MalformedEventException("a backup set without its id, type, LSNs or finish time");
            }
            return set;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("the backup set cannot be read: " + e.getMessage());
        }
    }

    private KnownCopy copy(JsonNode data) {
        return facts(data.get("copy"));
    }

    private KnownCopy facts(JsonNode copy) {
        if (copy == null || !copy.isObject()) {
            throw new MalformedEventException("a copy event without its copy");
        }
        KnownCopy known = new KnownCopy();
        known.copyId = Payload.text(copy, "copyId", WHAT);
        known.backupSetUuid = Payload.text(copy, "backupSetUuid", WHAT).toUpperCase(java.util.Locale.ROOT);
        known.stripe = copy.path("stripe").asInt(1);
        known.hostId = copy.path("hostId").asText(null);
        known.siteId = copy.path("siteId").asText(null);
        known.path = Payload.text(copy, "path", WHAT);
        known.restorePath = copy.path("restorePath").asText(null);
        known.manifestPath = copy.path("manifestPath").asText(null);
        known.sha256 = copy.path("sha256").asText(null);
        known.bytes = copy.path("bytes").asLong(0);
        known.updatedAt = clock.instant();
        return known;
    }
}
