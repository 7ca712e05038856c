package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;

/**
 * A well-shaped proof that leads to another root than the one expected. It carries both roots, so that a caller
 * can report them or tell a stale checkpoint from a forged proof.
 */
public final class RootMismatchException extends VerificationException {

    private final Digest expected;
    private final Digest computed;

    /**
     * @param what the proof that failed, e.g. {@code "inclusion proof for leaf 3 of 8"}; the message continues it
     *     with both roots in hexadecimal
     */
    public RootMismatchException(String what, Digest expected, Digest computed) {
        super(what + " leads to root " + computed.hex() + ", expected " + expected.hex());
        this.expected = expected;
        this.computed = computed;
    }

    /** The root the proof should have led to. */
    public Digest expected() {
        return expected;
    }

    /** The root the proof led to. */
    public Digest computed() {
        return computed;
    }
}
