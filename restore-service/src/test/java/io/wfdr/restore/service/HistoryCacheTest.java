package io.wfdr.restore.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.wfdr.restore.domain.BackupHistory;
import io.wfdr.restore.domain.Histories;

class HistoryCacheTest {

    @Test
    void theDatabasePlannedLongestAgoLeavesFirstWhenTheBudgetIsSpent() {
        HistoryCache cache = new HistoryCache(10);
        cache.put("a", "r1", history(4));
        cache.put("b", "r1", history(4));
        cache.get("a", "r1");
        cache.put("c", "r1", history(4));

        assertTrue(cache.holds("a"));
        assertFalse(cache.holds("b"), "b was planned longest ago");
        assertTrue(cache.holds("c"));
        assertEquals(8, cache.cachedSets());
    }

    @Test
    void aHistoryReadBeforeTheCatalogMovedIsNeverServed() {
        HistoryCache cache = new HistoryCache(10);
        BackupHistory read = history(2);
        cache.put("a", "r1", read);

        assertSame(read, cache.get("a", "r1"));
        assertNull(cache.get("a", "r2"));
    }

    @Test
    void aHistoryLargerThanTheWholeBudgetIsNotKept() {
        HistoryCache cache = new HistoryCache(3);
        cache.put("a", "r1", history(2));
        cache.put("a", "r2", history(5));

        assertFalse(cache.holds("a"));
        assertEquals(0, cache.cachedSets());
    }

    private static BackupHistory history(int sets) {
        Histories histories = new Histories();
        histories.full(java.util.UUID.randomUUID().toString().toUpperCase(), 10, 20, 0);
        for (int i = 1; i < sets; i++) {
            histories.log(java.util.UUID.randomUUID().toString().toUpperCase(), 20L * i, 20L * i + 20, 15 * i);
        }
        return histories.history();
    }
}
