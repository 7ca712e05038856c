package dev.runtape.api.admin;

import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.verifier.Digest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ledger or producer key as the admin endpoints answer it.
 *
 * @param owner {@code ledger} for the ledger's own keys, {@code producer} for registered ones
 * @param principal whom a producer's key belongs to; null for the ledger's
 */
public record KeyView(Digest kid, String owner, @Nullable String principal, String algorithm, Instant validFrom,
        @Nullable Instant revokedAt) {

    static KeyView ledger(KeyRecord record) {
        return of("ledger", record);
    }

    static KeyView producer(KeyRecord record) {
        return of("producer", record);
    }

    private static KeyView of(String owner, KeyRecord record) {
        return new KeyView(record.kid(), owner, record.principal().orElse(null), record.key().algorithm().joseName(),
                record.validFrom(), record.revokedAt().orElse(null));
    }
}
