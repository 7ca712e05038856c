package dev.runtape.ledger.integrator;

/**
 * The tree store failed; its cause says how. Nothing of a failed {@link TreeStore#extend} was stored.
 *
 * <p>Unchecked because a store is read through the verifier's {@link dev.runtape.verifier.merkle.NodeSource},
 * whose {@code node} declares no checked exception, and for the same reason as the event log's exception: both
 * are storage failures that no caller but the integrator's loop can act on.
 */
public class TreeStoreException extends RuntimeException {

    public TreeStoreException(String message) {
        super(message);
    }

    public TreeStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
