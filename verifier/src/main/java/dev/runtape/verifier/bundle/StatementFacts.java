package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks need of one statement of a bundle, read from its protected header (statement.cddl): who signed
 * (kid, iss), when (iat), where it sits (stream, revision, prev), and the receipts attached on export. Its digest
 * and leaf hash are of the statement as the log holds it: without the receipts (label 394).
 *
 * @param decoded the statement as a CBOR item, receipts included, for schema validation
 */
public record StatementFacts(CoseSign1 message, CborValue decoded, Digest digest, Digest leafHash, byte[] kid,
        String issuer, String stream, Instant issuedAt, long revision, String eventType, Digest prev,
        List<byte[]> receipts, CborMap payload) {

    /** Runtape's header parameters (statement.cddl). */
    public static final long EVENT_TYPE = -70001;
    public static final long STREAM_REVISION = -70002;
    public static final long EVENT_ID = -70003;
    public static final long TENANT = -70004;
    public static final long PREV = -70005;

    private static final long ISS = 1;
    private static final long SUB = 2;
    private static final long IAT = 6;

    /**
     * Reads a statement in its bundle form.
     *
     * @throws FormatException if it is not deterministic CBOR, not a tagged COSE_Sign1 with an attached map payload,
     *     or a header parameter the checks need is missing or of the wrong type
     */
    public static StatementFacts read(byte[] bytes) throws FormatException {
        CborValue decoded = CborInput.decode(bytes, CborProfile.DETERMINISTIC, "statement");
        if (!(decoded instanceof CborTag tag) || tag.tag() != CoseSign1.TAG) {
            throw new FormatException("statement: expected a COSE_Sign1 under tag 18");
        }
        CoseSign1 message = CoseSign1.fromCbor(decoded);
        CborMap header = message.protectedHeader().map();
        CborMap claims = field(header, HeaderLabels.CWT_CLAIMS, CborMap.class, "CWT claims (15)");
        byte[] payloadBytes = message.payload().orElseThrow(() ->
                new FormatException("statement: the payload must be attached"));
        if (!(CborInput.decode(payloadBytes, CborProfile.DETERMINISTIC, "statement payload") instanceof CborMap payload)) {
            throw new FormatException("statement: the payload must be a map");
        }
        List<byte[]> receipts = new ArrayList<>();
        Map<CborValue, CborValue> logUnprotected = new LinkedHashMap<>(message.unprotectedHeader().entries());
        CborValue attached = logUnprotected.remove(CborInteger.of(HeaderLabels.RECEIPTS));
        if (attached != null) {
            if (!(attached instanceof CborArray array)) {
                throw new FormatException("statement: receipts (394) must be an array, found " + attached);
            }
            for (CborValue receipt : array.items()) {
                if (!(receipt instanceof CborByteString wrapped)) {
                    throw new FormatException("statement: receipts (394) must be byte strings, found " + receipt);
                }
                receipts.add(wrapped.bytes());
            }
        }
        LogForm logForm = LogForm.of(bytes, message, payloadBytes.length, new CborMap(logUnprotected));
        return new StatementFacts(message, decoded, logForm.digest(), logForm.leafHash(),
                field(header, HeaderLabels.KID, CborByteString.class, "kid (4)").bytes(),
                field(claims, ISS, CborTextString.class, "iss (15/1)").value(),
                field(claims, SUB, CborTextString.class, "sub (15/2)").value(),
                Instant.ofEpochSecond(unsigned(field(claims, IAT, CborInteger.class, "iat (15/6)"), "iat")),
                unsigned(field(header, STREAM_REVISION, CborInteger.class, "stream revision (-70002)"), "revision"),
                field(header, EVENT_TYPE, CborTextString.class, "event type (-70001)").value(),
                Digest.of(field(header, PREV, CborByteString.class, "prev (-70005)")),
                receipts, payload);
    }

    /** The statement as its stream and revision name it: {@code trajectory/t-1 #3}. */
    public String position() {
        return stream + " #" + revision;
    }

    private static <T extends CborValue> T field(CborMap map, long label, Class<T> type, String name)
            throws FormatException {
        CborValue value = map.get(label).orElseThrow(() ->
                new FormatException("statement: the protected header has no " + name));
        if (!type.isInstance(value)) {
            throw new FormatException("statement: " + name + " has the wrong type: " + value);
        }
        return type.cast(value);
    }

    private static long unsigned(CborInteger value, String name) throws FormatException {
        if (value.value().signum() < 0 || !value.fitsLong() || value.longValueExact() > Instant.MAX.getEpochSecond()) {
            throw new FormatException("statement: " + name + " must be an unsigned integer in range, found " + value);
        }
        return value.longValueExact();
    }
}
