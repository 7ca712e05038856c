package dev.runtape.projections.search;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A search of one tenant's trajectories. Built from {@link #of(String)} with the withers; {@link #check()} (which
 * every adapter runs first) refuses what cannot run. The tenant is not a filter the caller may leave out: the
 * adapters add it to every query themselves.
 *
 * @param text free text matched against the steps' text, in the simple query syntax both engines share
 *     ({@code +} and, {@code |} or, {@code -} not, {@code "..."} phrase, {@code *} prefix); terms are all required
 * @param filters conditions every hit meets
 * @param facets keyword fields whose values to count over all matches
 * @param pageSize how many hits a page holds, 1 to {@link #MAX_PAGE_SIZE}
 * @param searchAfter the previous page's {@link SearchPage#next()} cursor, or null for the first page
 */
public record SearchQuery(String tenant, @Nullable String text, List<SearchFilter> filters, List<SearchField> facets,
        SearchSort sort, int pageSize, @Nullable String searchAfter) {

    public static final int MAX_PAGE_SIZE = 1000;
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** How many values a facet counts, the most common first. */
    public static final int FACET_VALUES = 20;

    public SearchQuery {
        filters = List.copyOf(filters);
        facets = List.copyOf(facets);
    }

    /** Every trajectory of the tenant, by relevance (so by id), a page of {@link #DEFAULT_PAGE_SIZE}. */
    public static SearchQuery of(String tenant) {
        return new SearchQuery(tenant, null, List.of(), List.of(), SearchSort.RELEVANCE, DEFAULT_PAGE_SIZE, null);
    }

    public SearchQuery withText(@Nullable String newText) {
        return new SearchQuery(tenant, newText, filters, facets, sort, pageSize, searchAfter);
    }

    public SearchQuery withFilter(SearchFilter filter) {
        List<SearchFilter> more = new ArrayList<>(filters);
        more.add(filter);
        return new SearchQuery(tenant, text, more, facets, sort, pageSize, searchAfter);
    }

    public SearchQuery withFacets(SearchField... newFacets) {
        return new SearchQuery(tenant, text, filters, List.of(newFacets), sort, pageSize, searchAfter);
    }

    public SearchQuery sortedBy(SearchSort newSort) {
        return new SearchQuery(tenant, text, filters, facets, newSort, pageSize, searchAfter);
    }

    public SearchQuery withPageSize(int newPageSize) {
        return new SearchQuery(tenant, text, filters, facets, sort, newPageSize, searchAfter);
    }

    /** The next page of this search: the same query after {@code cursor}. */
    public SearchQuery after(@Nullable String cursor) {
        return new SearchQuery(tenant, text, filters, facets, sort, pageSize, cursor);
    }

    /** Whether there is free text to match (not only blanks). */
    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /**
     * Checks that the query can run, and reads its cursor.
     *
     * @return the decoded {@link #searchAfter()} cursor, or null on the first page
     * @throws InvalidQueryException naming the part of the query that cannot run
     */
    public @Nullable SearchCursor check() throws InvalidQueryException {
        if (tenant.isBlank()) {
            throw new InvalidQueryException("tenant", "expected the tenant to search, found none");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("pageSize", "expected 1 to " + MAX_PAGE_SIZE + ", found " + pageSize);
        }
        for (SearchFilter filter : filters) {
            checkFilter(filter);
        }
        for (SearchField facet : facets) {
            if (facet.type() != SearchField.Type.KEYWORD || facet.equals(SearchField.ID)
                    || facet.equals(SearchField.TENANT)) {
                throw new InvalidQueryException("facet \"" + facet + "\"", "expected a keyword field other than "
                        + "id and tenant, found " + facet);
            }
        }
        if (!sort.field().sortable()) {
            throw new InvalidQueryException("sort", "expected one of " + SearchField.names(SearchField.all().stream()
                    .filter(SearchField::sortable).toList()) + ", found " + sort.field());
        }
        return searchAfter == null ? null : SearchCursor.decode(searchAfter, sort);
    }

    private static void checkFilter(SearchFilter filter) throws InvalidQueryException {
        String where = "filter \"" + filter.field() + "\"";
        switch (filter) {
            case SearchFilter.Terms terms -> {
                if (terms.field().type() != SearchField.Type.KEYWORD) {
                    throw new InvalidQueryException(where, "expected a range FROM..TO for a number field, found "
                            + "values " + terms.values());
                }
                if (terms.values().isEmpty() || terms.values().stream().anyMatch(String::isEmpty)) {
                    throw new InvalidQueryException(where, "expected one or more values, found " + terms.values());
                }
            }
            case SearchFilter.Range range -> {
                if (range.field().type() != SearchField.Type.LONG) {
                    throw new InvalidQueryException(where, "expected values for a keyword field, found a range");
                }
                if (range.from() != null && range.to() != null && range.from() > range.to()) {
                    throw new InvalidQueryException(where, "expected FROM no greater than TO, found " + range.from()
                            + ".." + range.to());
                }
            }
        }
    }
}
