package dev.runtape.verifier.keys;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Public keys, found by key id: a COSE_KeySet or JWK Set once decoded. */
public record KeySet(List<VerificationKey> keys) {

    public KeySet {
        keys = List.copyOf(keys);
    }

    public static KeySet of(VerificationKey... keys) {
        return new KeySet(List.of(keys));
    }

    /** The key with this key id, if the set holds one. */
    public Optional<VerificationKey> find(byte[] kid) {
        return keys.stream().filter(key -> MessageDigest.isEqual(key.kid(), kid)).findFirst();
    }
}
