package dev.runtape.projections.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a search.
 *
 * @param total how many trajectories match in all
 * @param hits this page's hits, in the query's order
 * @param facets for each facet field asked, its values among all matches with how many have each, the most common
 *     first (equal counts by value), at most {@link SearchQuery#FACET_VALUES}
 * @param next the cursor for the page after this one ({@link SearchQuery#after(String)}), or null on the last page
 */
public record SearchPage(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets,
        @Nullable String next) {

    public SearchPage {
        hits = List.copyOf(hits);
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        facets.forEach((field, counts) -> copy.put(field, java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(counts))));
        facets = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> ids() {
        return hits.stream().map(SearchHit::id).toList();
    }
}
