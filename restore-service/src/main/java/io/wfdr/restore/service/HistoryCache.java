package io.wfdr.restore.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wfdr.restore.domain.BackupHistory;

/**
 * Databases' histories read before, with the catalog state (fingerprint) each was read at, holding at most a
 * number of backup sets in all: the database planned longest ago leaves first. A history larger than the whole
 * budget is not kept.
 */
final class HistoryCache {

    /** A database's history and the catalog state it was read at. */
    record Entry(String fingerprint, BackupHistory history) {
    }

    private final int maxSets;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long sets;

    HistoryCache(int maxSets) {
        this.maxSets = maxSets;
    }

    /** The history read at {@code fingerprint}, or null when none was, or the catalog moved since. */
    synchronized BackupHistory get(String databaseId, String fingerprint) {
        Entry entry = entries.get(databaseId);
        return entry != null && entry.fingerprint().equals(fingerprint) ? entry.history() : null;
    }

    synchronized void put(String databaseId, String fingerprint, BackupHistory history) {
        Entry replaced = entries.remove(databaseId);
        if (replaced != null) {
            sets -= replaced.history().sets().size();
        }
        if (history.sets().size() > maxSets) {
            return;
        }
        entries.put(databaseId, new Entry(fingerprint, history));
        sets += history.sets().size();
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (sets > maxSets && oldestFirst.hasNext()) {
            sets -= oldestFirst.next().getValue().history().sets().size();
            oldestFirst.remove();
        }
    }

    synchronized long cachedSets() {
        return sets;
    }

    synchronized boolean holds(String databaseId) {
        return entries.containsKey(databaseId);
    }
}
