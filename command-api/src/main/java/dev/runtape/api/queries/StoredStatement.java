package dev.runtape.api.queries;

import dev.runtape.ledger.log.LogEntry;
import dev.runtape.verifier.Digest;
import java.time.Instant;

/**
 * One statement of a stream as the API shows it: where it stands, what it is, and its bytes (the COSE_Sign1; base64
 * in JSON, a byte string in CBOR), which anyone can verify with {@code runtape-verify}.
 */
public record StoredStatement(long revision, long position, String eventId, String eventType, Instant recordedAt,
        Digest digest, byte[] statement) {

    static StoredStatement of(LogEntry entry) {
        return new StoredStatement(entry.revision(), entry.position(), entry.eventId(), entry.eventType(),
                entry.recordedAt(), entry.statement().digest(), entry.statement().bytes());
    }
}
