package dev.runtape.ledger.keys;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SecretKeyAccess;
import java.util.Arrays;

/** Fixed keys for tests, so that failures repeat. */
public final class TestKeys {

    private TestKeys() {
    }

    /** The Ed25519 key whose 32-byte seed is {@code n} repeated. */
    public static Ed25519SigningKey ed25519(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        try {
            return Ed25519SigningKey.of(seed, SecretKeyAccess.insecure());
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The P-256 key whose scalar is {@code n} in its last byte (n from 1). */
    public static P256SigningKey p256(int n) {
        byte[] scalar = new byte[32];
        scalar[0] = 0x11;
        scalar[31] = (byte) n;
        try {
            return P256SigningKey.of(scalar, SecretKeyAccess.insecure());
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
