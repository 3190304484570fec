package io.wfdr.inventory.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.jpa.HibernateHints;

/**
 * The optional filters of a list, as one HQL condition with named parameters, and how to read one page of it by
 * late row lookup: the page's ids come from an index alone, then only those rows are read. Reading, sorting and
 * skipping whole rows made every page cost a read of the whole environment. The ids are a subquery rather than a
 * list parameter, because Hibernate translates a query with a list parameter anew on every call.
 */
public final class ListFilter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code field = value}, unless the value is null (no filter). */
    public ListFilter equal(String field, Object value) {
        return where(field + " = :" + field, field, value);
    }

    /** Adds a condition with one parameter, unless the value is null (no filter). */
    public ListFilter where(String condition, String param, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(param, value);
        }
        return this;
    }

    public boolean filters(String param) {
        return params.containsKey(param);
    }

    /** What this filter selects, as a value: equal for two filters that select the same rows. */
    public List<Object> identity() {
        return List.of(where.toString(), Map.copyOf(params));
    }

    /**
     * One page, read-only: {@code select} (whose root {@code alias} is an {@code entity}) restricted to the ids of
     * the page in {@code orderBy} order; an index on the filter and the order makes finding those ids cheap.
     */
    <T> List<T> page(EntityManager em, Class<T> type, String select, String alias, String entity,
            List<String> orderBy, int page, int size) {
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            return List.of();
        }
        String pageIds = "select id from " + entity + " where " + where + " order by " + String.join(", ", orderBy)
                + " offset :first rows fetch first :size rows only";
        String order = orderBy.stream().map(field -> alias + "." + field).collect(Collectors.joining(", "));
        TypedQuery<T> query = em.createQuery(select + " where " + alias + ".id in (" + pageIds + ") order by "
                + order, type);
        params.forEach(query::setParameter);
        return query.setParameter("first", (int) first).setParameter("size", size)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    long count(EntityManager em, String entity) {
        TypedQuery<Long> query = em.createQuery("select count(*) from " + entity + " where " + where, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }
}
