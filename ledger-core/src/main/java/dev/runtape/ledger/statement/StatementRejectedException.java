package dev.runtape.ledger.statement;

/** A statement was refused; {@link #rejection()} says why in a stable code, the message in words. */
public final class StatementRejectedException extends Exception {

    private final Rejection rejection;

    public StatementRejectedException(Rejection rejection, String message) {
        super(message);
        this.rejection = rejection;
    }

    public StatementRejectedException(Rejection rejection, String message, Throwable cause) {
        super(message, cause);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
