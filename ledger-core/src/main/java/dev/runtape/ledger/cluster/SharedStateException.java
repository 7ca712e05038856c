package dev.runtape.ledger.cluster;

/** The shared documents could not be read or written: the database is unreachable or refused. */
public final class SharedStateException extends RuntimeException {

    public SharedStateException(String message) {
        super(message);
    }

    public SharedStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
