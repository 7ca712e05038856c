package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.SigningKey;
import java.time.Instant;
import java.util.List;

/** Headers and payloads of the statements the tests sign. */
final class StatementFixtures {

    static final Instant IAT = Instant.parse("2026-05-01T10:00:00Z");
    static final String PRINCIPAL = "svc-capture";

    private StatementFixtures() {
    }

    static StatementHeader.Builder header(SigningKey key) {
        return StatementHeader.signedBy(key)
                .iss(PRINCIPAL)
                .sub(new StreamId("task/task-1"))
                .iat(IAT)
                .eventType("TaskDefined")
                .streamRevision(0)
                .eventId("evt-1")
                .tenant("acme")
                .prev(Digest.ZERO);
    }

    /** A valid TaskDefined payload. */
    static CborMap taskDefined() {
        return CborMap.builder()
                .put("task-id", CborTextString.of("task-1"))
                .put("prompt", CborMap.builder().put("digest", new CborByteString(new byte[32])).build())
                .put("family", CborTextString.of("swe-bench"))
                .put("success-criteria", new CborArray(List.of(CborTextString.of("tests pass"))))
                .build();
    }
}
