package dev.runtape.api.transparency;

import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.verifier.Digest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A registered producer key: its kid (the RFC 9679 thumbprint), its principal and the times it counts. */
public record ProducerKeyView(Digest kid, String principal, Instant validFrom, @Nullable Instant revokedAt) {

    static ProducerKeyView of(KeyRecord record) {
        return new ProducerKeyView(record.kid(), record.principal().orElseThrow(), record.validFrom(),
                record.revokedAt().orElse(null));
    }
}
