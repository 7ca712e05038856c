package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.VerificationKey;
import java.util.List;

/**
 * Accepts a statement a producer signed itself, or says why not. In order, each failure with its own
 * {@link Rejection}:
 * <ol>
 *   <li>{@code MALFORMED}: not a COSE_Sign1 under tag 18, in deterministic CBOR (envelope, header and payload), with an
 *       attached payload;</li>
 *   <li>{@code SCHEMA_INVALID}: not matching the rule {@code statement}, or the payload not matching the rule its
 *       event type names;</li>
 *   <li>{@code UNKNOWN_KEY}: no producer key has the {@code kid};</li>
 *   <li>{@code WRONG_PRINCIPAL}: the key is registered to another principal than {@code iss};</li>
 *   <li>{@code KEY_NOT_VALID_AT_IAT}, {@code REVOKED_KEY}: {@code iat} is before the key's valid-from, or at or after
 *       its revocation;</li>
 *   <li>{@code ALGORITHM_MISMATCH}, {@code BAD_SIGNATURE}: the signature does not verify with the key.</li>
 * </ol>
 * Where the statement sits in its stream ({@code prev}, the revision) is the append's to check, against the stream's
 * head. Safe for use by many threads.
 */
public final class StatementChecker {

    /** Where the payload sits in a COSE_Sign1, as schema failures name it. */
    private static final String PAYLOAD_PATH = "$[2]";

    private final ProducerKeyRegistry producers;

    public StatementChecker(ProducerKeyRegistry producers) {
        this.producers = producers;
    }

    /** Checks encoded statement bytes. */
    public Statement check(byte[] encoded) throws StatementRejectedException {
        if (encoded.length == 0) {
            throw new StatementRejectedException(Rejection.MALFORMED, "statement: no bytes");
        }
        return check(StatementBytes.of(encoded));
    }

    /**
     * Checks a statement and returns it taken apart.
     *
     * @throws StatementRejectedException naming the first check that failed
     */
    public Statement check(StatementBytes statement) throws StatementRejectedException {
        CborValue decoded = decode(statement.bytes(), "statement");
        CoseSign1 message = sign1(decoded);
        decode(message.protectedHeader().encoded(), "statement header");
        CborMap payload;
        StatementHeader header;
        try {
            payload = Statement.payloadOf(message);
        } catch (FormatException e) {
            throw new StatementRejectedException(Rejection.MALFORMED, e.getMessage(), e);
        }
        List<Failure> failures = StatementValidator.statementFailures(decoded);
        if (!failures.isEmpty()) {
            if (failures.stream().allMatch(f -> f.path().startsWith(PAYLOAD_PATH))) {
                checkPayloadAlone(message, payload);
            }
            throw StatementValidator.rejection("statement", failures);
        }
        try {
            header = StatementHeader.parse(message);
        } catch (FormatException e) {
            throw new StatementRejectedException(Rejection.MALFORMED, e.getMessage(), e);
        }
        StatementValidator.checkPayload(header.eventType(), payload);
        VerificationKey key = authorisedKey(header);
        verifySignature(message, header, key);
        return new Statement(header, payload, statement);
    }

    private static CborValue decode(byte[] bytes, String what) throws StatementRejectedException {
        try {
            return CborDecoder.decode(bytes, CborProfile.DETERMINISTIC);
        } catch (CborException e) {
            throw new StatementRejectedException(Rejection.MALFORMED, what + ": not deterministic CBOR: "
                    + e.getMessage(), e);
        }
    }

    private static CoseSign1 sign1(CborValue decoded) throws StatementRejectedException {
        CoseSign1 message;
        try {
            message = CoseSign1.fromCbor(decoded);
        } catch (FormatException e) {
            throw new StatementRejectedException(Rejection.MALFORMED, e.getMessage(), e);
        }
        if (!message.isTagged()) {
            throw new StatementRejectedException(Rejection.MALFORMED,
                    "statement: expected a COSE_Sign1 under tag 18, found it untagged");
        }
        return message;
    }

    /**
     * When only the payload broke the rule {@code statement}, the payload is checked against its own event's rule, to
     * report that failure: the rule {@code statement} can only name whichever event's rule came closest.
     */
    private static void checkPayloadAlone(CoseSign1 message, CborMap payload) throws StatementRejectedException {
        String eventType;
        try {
            eventType = StatementHeader.parse(message).eventType();
        } catch (FormatException e) {
            return;
        }
        StatementValidator.checkPayload(eventType, payload);
    }

    private VerificationKey authorisedKey(StatementHeader header) throws StatementRejectedException {
        KeyRecord record = producers.find(header.kid()).orElseThrow(() -> new StatementRejectedException(
                Rejection.UNKNOWN_KEY, "unknown key: no producer key has kid " + header.kid().hex()));
        String owner = record.principal().orElseThrow();
        if (!owner.equals(header.iss())) {
            throw new StatementRejectedException(Rejection.WRONG_PRINCIPAL, "key " + header.kid().hex()
                    + " belongs to \"" + owner + "\", the statement speaks for (iss) \"" + header.iss() + "\"");
        }
        if (header.iat().isBefore(record.validFrom())) {
            throw new StatementRejectedException(Rejection.KEY_NOT_VALID_AT_IAT, "key " + header.kid().hex()
                    + " is valid from " + record.validFrom() + ", the statement was issued (iat) at " + header.iat());
        }
        if (record.revokedBy(header.iat())) {
            throw new StatementRejectedException(Rejection.REVOKED_KEY, "key " + header.kid().hex()
                    + " was revoked at " + record.revokedAt().orElseThrow() + ", the statement was issued (iat) at "
                    + header.iat());
        }
        return record.key();
    }

    private static void verifySignature(CoseSign1 message, StatementHeader header, VerificationKey key)
            throws StatementRejectedException {
        if (!key.curve().accepts(header.alg())) {
            throw new StatementRejectedException(Rejection.ALGORITHM_MISMATCH, "the header names alg "
                    + header.alg() + ", key " + header.kid().hex() + " is a " + key.curve() + " key ("
                    + key.algorithm() + ")");
        }
        try {
            Sign1Verifier.verify(message, key);
        } catch (VerificationException e) {
            throw new StatementRejectedException(Rejection.BAD_SIGNATURE, e.getMessage(), e);
        }
    }
}
