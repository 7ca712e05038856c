package dev.runtape.ledger.axon;

import dev.runtape.cbor.CborMap;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.statement.PayloadCodec;
import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.statement.StatementHeader;
import dev.runtape.ledger.statement.StatementRejectedException;
import dev.runtape.ledger.statement.StatementSigner;
import dev.runtape.ledger.statement.StatementValidator;
import dev.runtape.verifier.keys.SigningKey;
import java.time.Clock;
import java.util.Objects;

/**
 * The ledger's statement mint: encodes a payload, checks it against its event type's schema, and signs it with the
 * ledger's primary key on behalf of the draft's principal; or checks a statement a producer signed.
 */
public final class SigningMint implements StatementMint {

    private final LedgerKeyRing keyRing;
    private final StatementChecker producers;
    private final Clock clock;

    public SigningMint(LedgerKeyRing keyRing, StatementChecker producers, Clock clock) {
        this.keyRing = keyRing;
        this.producers = producers;
        this.clock = clock;
    }

    @Override
    public StatementBytes mint(StatementDraft draft) {
        CborMap payload = PayloadCodec.encode(draft.payload());
        try {
            StatementValidator.checkPayload(draft.eventType(), payload);
        } catch (StatementRejectedException e) {
            throw new StatementRefusedException(e);
        }
        SigningKey key = keyRing.primary();
        StatementHeader header = StatementHeader.signedBy(key)
                .iss(draft.principal())
                .sub(draft.stream())
                .iat(clock.instant())
                .eventType(draft.eventType())
                .streamRevision(draft.revision())
                .eventId(draft.eventId())
                .tenant(draft.tenant())
                .prev(draft.prev())
                .build();
        return StatementSigner.sign(header, payload, key);
    }

    @Override
    public StatementBytes accept(StatementDraft draft, StatementBytes signed) {
        Statement statement;
        try {
            statement = producers.check(signed);
        } catch (StatementRejectedException e) {
            throw new StatementRefusedException(e);
        }
        StatementHeader header = statement.header();
        same("stream (sub)", draft.stream(), header.sub(), Rejection.MALFORMED);
        same("stream revision", draft.revision(), header.streamRevision(), Rejection.STALE_REVISION);
        same("prev", draft.prev(), header.prev(), Rejection.WRONG_PREV);
        same("event type", draft.eventType(), header.eventType(), Rejection.MALFORMED);
        same("event id", draft.eventId(), header.eventId(), Rejection.MALFORMED);
        same("tenant", draft.tenant(), header.tenant(), Rejection.MALFORMED);
        same("principal (iss)", draft.principal(), header.iss(), Rejection.WRONG_PRINCIPAL);
        same("payload", PayloadCodec.encode(draft.payload()), statement.payload(), Rejection.MALFORMED);
        return signed;
    }

    private static void same(String what, Object expected, Object actual, Rejection rejection) {
        if (!Objects.equals(expected, actual)) {
            throw new StatementRefusedException(rejection,
                    "the signed statement's " + what + " is " + actual + ", but the event's is " + expected);
        }
    }
}
