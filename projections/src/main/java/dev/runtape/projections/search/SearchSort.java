package dev.runtape.projections.search;

/**
 * The order of the hits. Hits that sort equal are ordered by id, ascending, in every engine: the order is total, so
 * paging with {@code searchAfter} neither repeats nor skips a hit.
 */
public record SearchSort(SearchField field, boolean descending) {

    /** The most relevant hits first; without free text every hit is equally relevant, so by id. */
    public static final SearchSort RELEVANCE = new SearchSort(SearchField.SCORE, true);

    public static SearchSort ascending(SearchField field) {
        return new SearchSort(field, false);
    }

    public static SearchSort descending(SearchField field) {
        return new SearchSort(field, true);
    }

    /**
     * A sort as the HTTP API writes it: a field's name, descending when it starts with {@code -} ({@code -started}).
     *
     * @throws InvalidQueryException when the field is unknown
     */
    public static SearchSort parse(String text) throws InvalidQueryException {
        boolean descending = text.startsWith("-");
        return new SearchSort(SearchField.named("sort", descending ? text.substring(1) : text), descending);
    }

    /** As {@link #parse(String)} reads it. */
    @Override
    public String toString() {
        return (descending ? "-" : "") + field.name();
    }
}
