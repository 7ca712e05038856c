package dev.runtape.ledger.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Curve;
import dev.runtape.verifier.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One public key of a key set (keys.cddl, {@code runtape-key}) and the times it may sign: a signature counts when the
 * statement's {@code iat} is at or after {@code validFrom} and before {@code revokedAt}.
 *
 * <p>Times are kept in whole seconds, truncated, because {@code iat} counts seconds: a key made valid at 12:00:00.5
 * must already count for a statement issued in that second.
 *
 * @param key an Ed25519 or P-256 key whose kid is its RFC 9679 thumbprint
 * @param principal whom the key belongs to; empty for the ledger's own keys
 */
public record KeyRecord(VerificationKey key, Instant validFrom, Optional<Instant> revokedAt, Optional<String> principal) {

    public KeyRecord {
        if (key.curve() != Curve.ED25519 && key.curve() != Curve.P_256) {
            throw new IllegalArgumentException("key sets hold Ed25519 and P-256 keys, not " + key.curve());
        }
        if (!MessageDigest.isEqual(key.kid(), key.thumbprint().bytes())) {
            throw new IllegalArgumentException("a key set names each key by its RFC 9679 thumbprint "
                    + key.thumbprint().hex() + ", not by another kid");
        }
        validFrom = seconds(validFrom);
        revokedAt = revokedAt.map(KeyRecord::seconds);
        principal.ifPresent(KeyRecord::requirePrincipal);
    }

    /** A ledger key, valid from {@code validFrom} and not revoked. */
    public static KeyRecord ledgerKey(VerificationKey key, Instant validFrom) {
        return new KeyRecord(key, validFrom, Optional.empty(), Optional.empty());
    }

    /** A producer's key, valid from {@code validFrom} and not revoked. */
    public static KeyRecord producerKey(String principal, VerificationKey key, Instant validFrom) {
        return new KeyRecord(key, validFrom, Optional.empty(), Optional.of(principal));
    }

    /** The key id: the key's thumbprint. */
    public Digest kid() {
        return key.thumbprint();
    }

    /** Whether a signature made at {@code iat} counts: at or after valid-from, and before any revocation. */
    public boolean validAt(Instant iat) {
        return !iat.isBefore(validFrom) && revokedAt.map(iat::isBefore).orElse(true);
    }

    /** Whether the key was revoked at or before {@code time}. */
    public boolean revokedBy(Instant time) {
        return revokedAt.map(revoked -> !time.isBefore(revoked)).orElse(false);
    }

    /**
     * The same key revoked from {@code effectiveAt} on. A key revoked already keeps the earlier of the two times: a
     * revocation can be brought forward (a compromise found to be older) but never taken back.
     */
    public KeyRecord revokedFrom(Instant effectiveAt) {
        Instant at = revokedAt.filter(earlier -> earlier.isBefore(effectiveAt)).orElse(effectiveAt);
        return new KeyRecord(key, validFrom, Optional.of(at), principal);
    }

    private static Instant seconds(Instant time) {
        if (time.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("key validity times start at 1970: " + time);
        }
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    private static void requirePrincipal(String principal) {
        int length = principal.getBytes(StandardCharsets.UTF_8).length;
        if (length < 1 || length > 200) {
            throw new IllegalArgumentException("a principal has 1 to 200 bytes of UTF-8, not " + length);
        }
    }
}
