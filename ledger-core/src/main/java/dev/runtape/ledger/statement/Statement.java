package dev.runtape.ledger.statement;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;

/**
 * A statement taken apart: its parsed header, its payload map and the signed bytes it came from.
 * {@link StatementChecker} makes them from what producers send; {@link #read} from what the log stores.
 */
public record Statement(StatementHeader header, CborMap payload, StatementBytes bytes) {

    /**
     * Reads a stored statement without checking it again: the log holds only statements that were signed by the
     * ledger or passed the {@link StatementChecker}.
     *
     * @throws FormatException if the bytes are not a statement
     */
    public static Statement read(StatementBytes bytes) throws FormatException {
        CoseSign1 message = CoseSign1.decode(bytes.bytes());
        StatementHeader header = StatementHeader.parse(message);
        return new Statement(header, payloadOf(message), bytes);
    }

    /**
     * The payload of stored statement bytes, without parsing the header: what a reader of many statements the log
     * has already checked (a projection replaying it) needs of them.
     */
    public static CborMap payload(StatementBytes bytes) throws FormatException {
        byte[] statement = bytes.bytes();
        var attached = AttachedPayload.of(statement);
        return attached.isPresent() ? payloadOf(attached.get()) : payloadOf(CoseSign1.decode(statement));
    }

    /** The payload of a statement: an attached byte string holding a CBOR map. */
    static CborMap payloadOf(CoseSign1 message) throws FormatException {
        return payloadOf(message.payload().orElseThrow(() ->
                new FormatException("statement: the payload must be attached, found nil")));
    }

    private static CborMap payloadOf(byte[] payload) throws FormatException {
        CborValue value = CborInput.decode(payload, CborProfile.DETERMINISTIC, "statement payload");
        if (!(value instanceof CborMap map)) {
            throw new FormatException("statement payload: expected a map, found " + value);
        }
        return map;
    }
}
