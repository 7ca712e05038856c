package dev.runtape.verifier.bundle;

import dev.runtape.verifier.keys.VerificationKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key of a bundle's key set with the times it may sign (keys.cddl): from {@code validFrom} (when given) until
 * {@code revokedAt} (when given), and whom it belongs to. A key without a principal is one of the ledger's.
 */
public record TimedKey(VerificationKey key, Optional<Instant> validFrom, Optional<Instant> revokedAt,
        Optional<String> principal) {

    public TimedKey {
        Objects.requireNonNull(key, "key");
    }

    /** Whether a signature made at {@code time} counts: {@code valid-from <= time < revoked-at}. */
    public boolean validAt(Instant time) {
        return validFrom.map(from -> !time.isBefore(from)).orElse(true)
                && revokedAt.map(revoked -> time.isBefore(revoked)).orElse(true);
    }

    public boolean isLedgerKey() {
        return principal.isEmpty();
    }

    /** Why a signature made at {@code time} does not count, or empty when it does. */
    public Optional<String> whyNotValidAt(Instant time) {
        if (validFrom.isPresent() && time.isBefore(validFrom.get())) {
            return Optional.of("key " + key.thumbprint().hex() + " is valid from " + validFrom.get()
                    + ", the signature was made at " + time);
        }
        if (revokedAt.isPresent() && !time.isBefore(revokedAt.get())) {
            return Optional.of("key " + key.thumbprint().hex() + " was revoked at " + revokedAt.get()
                    + ", the signature was made at " + time);
        }
        return Optional.empty();
    }
}
