package dev.runtape.projections.lineage;

/**
 * A lineage query that cannot run. Its message is {@code WHERE: expected ..., found ...}, WHERE the parameter, so the
 * HTTP layer can answer it as a bad request as it is.
 */
public final class InvalidLineageQueryException extends Exception {

    public InvalidLineageQueryException(String where, String problem) {
        super(where + ": " + problem);
    }
}
