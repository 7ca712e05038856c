package dev.runtape.ledger.integrator;

/**
 * The statement has no receipt yet: it has no leaf index yet, or its leaf is not under the latest checkpoint. It
 * will have one once the integrator reaches it and signs the next checkpoint; asking again later is the answer.
 */
public final class NotIntegratedException extends ProofUnavailableException {

    public NotIntegratedException(String message) {
        super(message);
    }
}
