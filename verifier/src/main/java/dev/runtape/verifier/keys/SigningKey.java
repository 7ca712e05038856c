package dev.runtape.verifier.keys;

/** A private key that signs with one algorithm. Its public half is {@link #verificationKey()}. */
public sealed interface SigningKey permits Ed25519SigningKey, P256SigningKey {

    SignatureAlgorithm algorithm();

    VerificationKey verificationKey();

    /** The key id of the public half: what a signed message names this key by. */
    default byte[] kid() {
        return verificationKey().kid();
    }

    /** A signature over {@code message} in the COSE form of the algorithm. */
    byte[] sign(byte[] message);

    /** The raw private key: the 32-byte Ed25519 seed, or the 32-byte P-256 scalar. */
    byte[] privateKeyBytes(SecretKeyAccess access);
}
