package dev.runtape.verifier.testing;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SecretKeyAccess;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.charset.StandardCharsets;

/**
 * Signing keys for tests, derived from a name so that every run signs with the same keys and a failure can be
 * reproduced. The private bytes are SHA-256 of the name: a valid Ed25519 seed, and a P-256 scalar below the group
 * order for every name used here (the constructor refuses one that is not).
 */
public final class TestKeys {

    private TestKeys() {
    }

    public static Ed25519SigningKey ed25519(String name) {
        try {
            return Ed25519SigningKey.of(secret("ed25519", name), SecretKeyAccess.insecure());
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static P256SigningKey p256(String name) {
        try {
            return P256SigningKey.of(secret("p256", name), SecretKeyAccess.insecure());
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One key of each kind Runtape signs with: Ed25519 (EdDSA) and P-256 (ES256). */
    public static SigningKey[] bothKinds(String name) {
        return new SigningKey[] {ed25519(name), p256(name)};
    }

    private static byte[] secret(String kind, String name) {
        return Digest.sha256((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).bytes();
    }
}
