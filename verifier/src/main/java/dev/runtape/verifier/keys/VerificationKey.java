package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;

/** A public key that verifies signatures, named by a key id. */
public sealed interface VerificationKey permits EdDsaVerificationKey, EcdsaVerificationKey {

    Curve curve();

    /** The algorithm this key verifies when a message does not say otherwise. */
    default SignatureAlgorithm algorithm() {
        return curve().defaultAlgorithm();
    }

    /**
     * The key id: the bytes a COSE {@code kid} header names this key by. Unless the key was given another id, it is
     * the RFC 9679 thumbprint.
     */
    byte[] kid();

    /** The RFC 9679 COSE Key Thumbprint (SHA-256): the same for the same key whatever its kid. */
    Digest thumbprint();

    /** The same key under another key id. */
    VerificationKey withKid(byte[] kid);

    /**
     * Checks {@code signature} over {@code message} made with {@code algorithm}.
     *
     * @throws VerificationException if the algorithm does not fit the key, or, saying only "invalid signature",
     *     when the signature does not verify
     */
    void verify(SignatureAlgorithm algorithm, byte[] message, byte[] signature) throws VerificationException;

    /** Checks a signature made with this key's {@link #algorithm()}. */
    default void verify(byte[] message, byte[] signature) throws VerificationException {
        verify(algorithm(), message, signature);
    }

    /** True when both hold the same public key, whatever their key ids. */
    boolean sameKeyAs(VerificationKey other);
}
