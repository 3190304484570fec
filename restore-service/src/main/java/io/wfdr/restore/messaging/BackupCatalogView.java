package io.wfdr.restore.messaging;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.restore.domain.KnownCopy;
import io.wfdr.restore.service.RestoreCatalog;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.ContractJson;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the restore service's catalog in step with {@code wfdr.backup.events}: every backup set as it was cataloged
 * (with everything a restore needs), every verified copy, copies that are no longer intact, and what retention
 * deleted. A consumer that reads the topic from its beginning (or after a {@code republish}) has the whole catalog.
 */
@ApplicationScoped
public class BackupCatalogView {

    private static final String PREFIX = "wfdr.backup.";

    private final RestoreCatalog catalog;
    private final Clock clock;

    BackupCatalogView(RestoreCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public void apply(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case PREFIX + "cataloged.v1" -> catalog.learn(text(data, "databaseId"), backupSet(data.get("backupSet")),
                    text(data, "origin"), data.path("expired").asBoolean(false));
            case PREFIX + "copied.v1" -> catalog.learnCopy(text(data, "databaseId"), copy(data), KnownCopy.State.VERIFIED);
            case PREFIX + "verified.v1" -> catalog.learnCopy(text(data, "databaseId"), copy(data),
                    data.path("intact").asBoolean(false) ? KnownCopy.State.VERIFIED : KnownCopy.State.NOT_INTACT);
            case PREFIX + "expired.v1" -> {
                catalog.expire(text(data, "backupSetUuid"));
                data.path("copies").forEach(copy -> catalog.learnCopy(text(data, "databaseId"), facts(copy),
                        KnownCopy.State.DELETED));
            }
            default -> {
                // started, completed, failed, copy-failed, rpo, slots: nothing a restore plan needs
            }
        }
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
        known.copyId = text(copy, "copyId");
        known.backupSetUuid = text(copy, "backupSetUuid").toUpperCase(java.util.Locale.ROOT);
        known.stripe = copy.path("stripe").asInt(1);
        known.hostId = copy.path("hostId").asText(null);
        known.siteId = copy.path("siteId").asText(null);
        known.path = text(copy, "path");
        known.restorePath = copy.path("restorePath").asText(null);
        known.manifestPath = copy.path("manifestPath").asText(null);
        known.sha256 = copy.path("sha256").asText(null);
        known.bytes = copy.path("bytes").asLong(0);
        known.updatedAt = clock.instant();
        return known;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new MalformedEventException("backup event without " + field);
        }
        return value.asText();
    }
}
