package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;

/** A public key that verifies signatures of one algorithm, named by a key id. */
public sealed interface VerificationKey permits Ed25519VerificationKey, P256VerificationKey {

    SignatureAlgorithm algorithm();

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
     * Checks {@code signature} over {@code message}.
     *
     * @throws VerificationException saying only "invalid signature" when it does not verify
     */
    void verify(byte[] message, byte[] signature) throws VerificationException;

    /** True when both hold the same public key, whatever their key ids. */
    boolean sameKeyAs(VerificationKey other);
}
