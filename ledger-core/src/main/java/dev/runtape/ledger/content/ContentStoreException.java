package dev.runtape.ledger.content;

/**
 * The content store could not do what was asked. Subclasses name the refusals a caller can act on; this class itself
 * means the store failed (its cause says how).
 */
public class ContentStoreException extends Exception {

    public ContentStoreException(String message) {
        super(message);
    }

    public ContentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
