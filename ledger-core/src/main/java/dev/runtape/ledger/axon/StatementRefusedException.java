package dev.runtape.ledger.axon;

import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.StatementRejectedException;

/**
 * An event's statement was refused on append (its payload does not match its schema, or a statement its producer
 * signed does not say what the event says), and nothing of the unit of work was stored. Unchecked, because it
 * leaves through Axon's storage interfaces; {@link #rejection()} keeps the stable reason.
 */
public final class StatementRefusedException extends RuntimeException {

    private final Rejection rejection;

    public StatementRefusedException(StatementRejectedException cause) {
        super(cause.getMessage(), cause);
        this.rejection = cause.rejection();
    }

    public StatementRefusedException(Rejection rejection, String message) {
        super(message);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
