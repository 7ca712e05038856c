package dev.runtape.projections.search;

import java.util.List;
import java.util.Map;

/**
 * Reads a query from the parameters of {@code GET /search}: {@code q} the free text, {@code sort} a field
 * ({@code -started} descending), {@code size} the page size, {@code after} the previous page's cursor,
 * {@code facet} (repeated) the fields to count; any other parameter is a filter on the field it names
 * ({@link SearchFilter#parse}: {@code outcome=success,failure}, {@code duration_ms=1000..}), repeated ones all
 * holding. The tenant is the caller's, never a parameter: a {@code tenant} parameter only filters within it.
 */
public final class SearchParameters {

    private SearchParameters() {
    }

    /**
     * The query the parameters ask for, checked.
     *
     * @throws InvalidQueryException naming the parameter that cannot be read or the part of the query that cannot run
     */
    public static SearchQuery parse(String tenant, Map<String, List<String>> parameters)
            throws InvalidQueryException {
        SearchQuery query = SearchQuery.of(tenant);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case "q" -> query = query.withText(String.join(" ", values));
                case "sort" -> query = query.sortedBy(SearchSort.parse(single(name, values)));
                case "size" -> query = query.withPageSize(size(single(name, values)));
                case "after" -> query = query.after(single(name, values));
                case "facet" -> {
                    SearchField[] facets = new SearchField[values.size()];
                    for (int i = 0; i < facets.length; i++) {
                        facets[i] = SearchField.named("facet", values.get(i));
                    }
                    query = query.withFacets(facets);
                }
                default -> {
                    for (String value : values) {
                        query = query.withFilter(SearchFilter.parse(name, value));
                    }
                }
            }
        }
        query.check();
        return query;
    }

    private static String single(String name, List<String> values) throws InvalidQueryException {
        if (values.size() != 1) {
            throw new InvalidQueryException(name, "expected one value, found " + values.size());
        }
        return values.getFirst();
    }

    private static int size(String text) throws InvalidQueryException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("size", "expected a whole number, found \"" + text + "\"");
        }
    }
}
