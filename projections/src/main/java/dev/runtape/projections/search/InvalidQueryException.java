package dev.runtape.projections.search;

/**
 * A query that cannot run: an unknown field, a field that cannot be filtered, faceted or sorted on that way, a page
 * size out of range, a cursor that is not one this search made. Its message is {@code WHERE: expected ..., found
 * ...}, where WHERE is the query's part ({@code filter "outcome"}, {@code pageSize}, {@code searchAfter}), so the
 * HTTP layer can answer it as a bad request as it is.
 */
public final class InvalidQueryException extends SearchException {

    public InvalidQueryException(String where, String problem) {
        super(where + ": " + problem);
    }
}
