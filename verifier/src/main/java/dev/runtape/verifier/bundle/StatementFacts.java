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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the checks need of one statement of a bundle, read from its protected header (statement.cddl): who signed
 * (kid, iss), when (iat), where it sits (stream, revision, prev), the receipts attached on export and the contents its
 * payload refers to. Its digest and leaf hash are of the statement as the log holds it: without the receipts (label
 * 394).
 *
 * <p>{@link #read} decodes the whole statement, as schema validation and the signature need it; {@link #scan} takes
 * the same facts from the checked bytes where they lie ({@link StatementScan}), and decodes the message, the item or
 * the payload only if asked for them. Not to be shared between threads.
 */
public final class StatementFacts {

    /** Runtape's header parameters (statement.cddl). */
    public static final long EVENT_TYPE = -70001;
    public static final long STREAM_REVISION = -70002;
    public static final long EVENT_ID = -70003;
    public static final long TENANT = -70004;
    public static final long PREV = -70005;

    static final long ISS = 1;
    static final long SUB = 2;
    static final long IAT = 6;

    /** The header fields and where the parts lie, as decoding or a scan found them. */
    record Fields(byte[] kid, String issuer, String stream, Instant issuedAt, long revision, String eventType,
            Digest prev, List<ByteRange> receipts, List<Digest> references, int payloadFrom, int payloadTo) {
    }

    /** The statement's bytes, where they lie: all of them once read, a range of a buffer when scanned. */
    private final ByteRange bytes;
    private final Fields fields;
    private final Digest digest;
    private final Digest leafHash;
    private @Nullable CborValue decoded;
    private @Nullable CoseSign1 message;
    private @Nullable CborMap payload;

    StatementFacts(ByteRange bytes, Fields fields, LogForm logForm) {
        this.bytes = bytes;
        this.fields = fields;
        this.digest = logForm.digest();
        this.leafHash = logForm.leafHash();
    }

    /**
     * Reads a statement in its bundle form, decoding all of it.
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
        List<ByteRange> receipts = new ArrayList<>();
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
                receipts.add(ByteRange.of(wrapped.bytes()));
            }
        }
        int signatureLength = message.signature().length;
        int payloadTo = bytes.length - LogForm.headLength(signatureLength) - signatureLength;
        Fields fields = new Fields(
                field(header, HeaderLabels.KID, CborByteString.class, "kid (4)").bytes(),
                field(claims, ISS, CborTextString.class, "iss (15/1)").value(),
                field(claims, SUB, CborTextString.class, "sub (15/2)").value(),
                Instant.ofEpochSecond(unsigned(field(claims, IAT, CborInteger.class, "iat (15/6)"), "iat")),
                unsigned(field(header, STREAM_REVISION, CborInteger.class, "stream revision (-70002)"), "revision"),
                field(header, EVENT_TYPE, CborTextString.class, "event type (-70001)").value(),
                Digest.of(field(header, PREV, CborByteString.class, "prev (-70005)")),
                receipts, PayloadReferences.of(payload), payloadTo - payloadBytes.length, payloadTo);
        StatementFacts facts = new StatementFacts(ByteRange.of(bytes), fields,
                LogForm.of(bytes, message, payloadBytes.length, new CborMap(logUnprotected)));
        facts.decoded = decoded;
        facts.message = message;
        facts.payload = payload;
        return facts;
    }

    /**
     * The facts {@link #read} gives, taken from the bytes where they lie when the statement has the shape the ledger
     * writes, else read by decoding; refuses what {@code read} refuses, with its messages.
     *
     * @throws FormatException as {@link #read}
     */
    public static StatementFacts scan(byte[] bytes) throws FormatException {
        return scan(ByteRange.of(bytes));
    }

    /** {@link #scan(byte[])} of a statement where it lies, in the buffer it was read into. */
    static StatementFacts scan(ByteRange statement) throws FormatException {
        StatementFacts scanned = StatementScan.of(statement);
        return scanned != null ? scanned : read(statement.copy());
    }

    /** The statement as one CBOR item, receipts included, for schema validation: decoded on first use. */
    public CborValue decoded() {
        if (decoded == null) {
            decoded = decodeChecked(bytes.copy(), "statement");
        }
        return decoded;
    }

    /** The statement as a COSE_Sign1 message, for its signature: decoded on first use. */
    public CoseSign1 message() {
        if (message == null) {
            try {
                message = CoseSign1.fromCbor(decoded());
            } catch (FormatException e) {
                throw new IllegalStateException("a scanned statement is a COSE_Sign1: " + e.getMessage(), e);
            }
        }
        return message;
    }

    /** The payload map: decoded on first use. */
    public CborMap payload() {
        if (payload == null) {
            payload = (CborMap) decodeChecked(Arrays.copyOfRange(bytes.bytes(), fields.payloadFrom(),
                    fields.payloadTo()), "statement payload");
        }
        return payload;
    }

    private static CborValue decodeChecked(byte[] bytes, String what) {
        try {
            return CborInput.decode(bytes, CborProfile.DETERMINISTIC, what);
        } catch (FormatException e) {
            throw new IllegalStateException("a scanned " + what + " is deterministic CBOR: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the log form: what the manifest lists and {@code prev} names. */
    public Digest digest() {
        return digest;
    }

    /** The log form's RFC 9162 leaf hash: what the receipt proves. */
    public Digest leafHash() {
        return leafHash;
    }

    public byte[] kid() {
        return fields.kid();
    }

    public String issuer() {
        return fields.issuer();
    }

    public String stream() {
        return fields.stream();
    }

    public Instant issuedAt() {
        return fields.issuedAt();
    }

    public long revision() {
        return fields.revision();
    }

    public String eventType() {
        return fields.eventType();
    }

    public Digest prev() {
        return fields.prev();
    }

    /** The receipts attached under label 394, each as its bytes. */
    public List<byte[]> receipts() {
        return fields.receipts().stream().map(ByteRange::copy).toList();
    }

    /** The receipts attached, where they lie. */
    List<ByteRange> receiptRanges() {
        return fields.receipts();
    }

    /** The digests of the contents the payload refers to ({@link PayloadReferences}). */
    public List<Digest> references() {
        return fields.references();
    }

    /** The statement as its stream and revision name it: {@code trajectory/t-1 #3}. */
    public String position() {
        return fields.stream() + " #" + fields.revision();
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
