package dev.runtape.ledger.integrator;

/**
 * A proof that cannot be given (yet): the statement is not under a checkpoint, or a checkpoint asked for does not
 * exist. The message says which and what there is instead.
 */
public class ProofUnavailableException extends Exception {

    public ProofUnavailableException(String message) {
        super(message);
    }
}
