package dev.runtape.ledger.log;

/**
 * The log could not do what was asked. Subclasses name the refusals a caller can act on; this class itself means the
 * store failed (its cause says how), and nothing of the failed append was stored.
 *
 * <p>Unchecked because the log is reached through Axon's storage interfaces, which declare no checked exceptions.
 */
public class EventLogException extends RuntimeException {

    public EventLogException(String message) {
        super(message);
    }

    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
