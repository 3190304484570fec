package io.wfdr.spine.api;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list that grows: the items, where the page is, and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Runs one page of the query and maps its entities to their public views. */
    /** A page past the end is empty and still counts the whole list, however far past (no int overflow). */
    public static <E, V> Page<V> of(PanacheQuery<E> query, int page, int size, Function<E, V> view) {
        long total = query.count();
        List<V> items = (long) page * size >= total ? List.of()
                : query.page(page, size).list().stream().map(view).toList();
        return new Page<>(items, page, size, total);
    }

}
