package io.wfdr.inventory.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wfdr.inventory.repository.InventoryRevisionRepository;
import io.wfdr.inventory.repository.ListFilter;
import io.wfdr.spine.api.Page;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pages of the lists that grow (servers, pairs), kept until the inventory changes. A page is stored under the
 * inventory's revision read before the page was, and served only to readers that read that same revision: a change
 * committed through any instance moves the revision, so no cached page ever hides it.
 */
@ApplicationScoped
class ListPageCache {

    /** Items over all cached pages: a few MB of views. */
    static final long MAX_ITEMS = 20_000;

    private record Key(String list, List<Object> filter, int page, int size, long revision) {
    }

    private final Cache<Key, Page<?>> pages = Caffeine.newBuilder().maximumWeight(MAX_ITEMS)
            .weigher((Key key, Page<?> page) -> Math.max(1, page.items().size())).build();
    private final AtomicLong newestRevision = new AtomicLong(-1);
    private final InventoryRevisionRepository revisions;

    ListPageCache(InventoryRevisionRepository revisions) {
        this.revisions = revisions;
    }

    @SuppressWarnings("unchecked")
    <V> Page<V> page(String list, ListFilter filter, int page, int size, Supplier<Page<V>> read) {
        long revision = revisions.current();
        if (newestRevision.getAndAccumulate(revision, Math::max) < revision) {
            pages.invalidateAll(); // pages of older revisions are never served again
        }
        Key key = new Key(list, filter.identity(), page, size, revision);
        Page<V> cached = (Page<V>) pages.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Page<V> fresh = read.get();
        pages.put(key, fresh);
        return fresh;
    }
}
