package dev.runtape.projections.search;

/** The search index could not do what was asked: it is unreachable, or it failed reading or writing. */
public class SearchException extends Exception {

    public SearchException(String message) {
        super(message);
    }

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
