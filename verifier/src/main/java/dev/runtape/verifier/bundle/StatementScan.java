package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborException;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Takes a statement's facts from its bytes in one walk, for {@code --fast}: a cursor that checks as it reads
 * ({@link CheckedCbor}) reads the header fields, the receipts and the payload's references where they lie, and steps
 * over the rest, so that every byte is checked as deterministic CBOR once, without being decoded. It takes only the
 * shape the ledger writes: tag 18 over {@code [protected, {394: [receipts]} or {}, payload, signature]}, a
 * deterministic protected map that does not hold label 394, and every field of the right type. For anything else it
 * gives up, and the statement is decoded ({@link StatementFacts#read}), which refuses it or reads it with the messages
 * a reader expects.
 */
final class StatementScan {

    /**
     * A key that is no label this reads: not an integer, or beyond a long. Its value is stepped over, as the value of
     * any label this does not read is (this one among them, were it a label).
     */
    private static final long OTHER = Long.MIN_VALUE;

    /** The log form's unprotected header: the receipts taken out leave an empty map. */
    private static final byte[] EMPTY_MAP = {(byte) 0xa0};

    private final ByteRange statement;
    private final byte[] bytes;
    private byte @Nullable [] kid;
    private @Nullable String issuer;
    private @Nullable String stream;
    private long issuedAt = -1;
    private long revision = -1;
    private @Nullable String eventType;
    private @Nullable Digest prev;

    private StatementScan(ByteRange statement) {
        this.statement = statement;
        this.bytes = statement.bytes();
    }

    /** The statement's facts, or null when it is not of the shape this reads (decoding then judges it). */
    static @Nullable StatementFacts of(byte[] bytes) {
        return of(ByteRange.of(bytes));
    }

    /** {@link #of(byte[])} of a statement where it lies. */
    static @Nullable StatementFacts of(ByteRange statement) {
        try {
            return new StatementScan(statement).scan();
        } catch (CborException | FormatException e) {
            return null;
        }
    }

    private @Nullable StatementFacts scan() throws CborException, FormatException {
        CheckedCbor cbor = new CheckedCbor(bytes, statement.from(), statement.to());
        if (!is(cbor.head(), CheckedCbor.TAG, CoseSign1.TAG) || !is(cbor.head(), CheckedCbor.ARRAY, 4)
                || cbor.head().major() != CheckedCbor.BYTES) {
            return null;
        }
        int protectedFrom = cbor.takeString();
        if (!protectedHeader(protectedFrom, cbor.position())) {
            return null;
        }
        int headerStart = cbor.position();
        List<ByteRange> receipts = receipts(cbor);
        int headerEnd = cbor.position();
        if (receipts == null || cbor.head().major() != CheckedCbor.BYTES) {
            return null;
        }
        int payloadFrom = cbor.takeString();
        int payloadTo = cbor.position();
        if (cbor.head().major() != CheckedCbor.BYTES) {
            return null;
        }
        cbor.takeString();
        if (!cbor.atEnd() || kid == null || issuer == null || stream == null || issuedAt < 0 || revision < 0
                || eventType == null || prev == null) {
            return null;
        }
        List<Digest> references = PayloadReferences.ofMap(bytes, payloadFrom, payloadTo);
        if (references == null) {
            return null;
        }
        StatementFacts.Fields fields = new StatementFacts.Fields(kid, issuer, stream,
                Instant.ofEpochSecond(issuedAt), revision, eventType, prev, receipts, references, payloadFrom,
                payloadTo);
        return new StatementFacts(statement, fields, LogForm.of(statement, headerStart, headerEnd, EMPTY_MAP));
    }

    private static boolean is(CheckedCbor head, int major, long argument) {
        return head.major() == major && head.argument() == argument;
    }

    /** Reads the fields of a deterministic protected map; false when it is not one, or holds label 394. */
    private boolean protectedHeader(int from, int to) throws CborException, FormatException {
        if (from == to) {
            return false;
        }
        CheckedCbor cbor = new CheckedCbor(bytes, from, to);
        if (cbor.head().major() != CheckedCbor.MAP) {
            return false;
        }
        long entries = cbor.argument();
        CheckedCbor.KeyOrder keys = new CheckedCbor.KeyOrder();
        for (long i = 0; i < entries; i++) {
            int key = cbor.position();
            long label = label(cbor, 1);
            keys.next(cbor, key);
            if (label == HeaderLabels.RECEIPTS) {
                return false;
            } else if (!field(label, cbor)) {
                return false;
            }
        }
        return cbor.atEnd();
    }

    /**
     * An integer key at {@code depth}, or {@link #OTHER} after stepping over any other key. A primitive, not a boxed
     * label: the ledger's own labels (-70001 and on) are beyond the boxes Java keeps, and each would be made anew.
     */
    private static long label(CheckedCbor cbor, int depth) throws CborException {
        int major = cbor.peekMajor();
        if (major != CheckedCbor.UNSIGNED && major != CheckedCbor.NEGATIVE) {
            cbor.skip(depth);
            return OTHER;
        }
        long argument = cbor.head().argument();
        if (argument < 0) {
            return OTHER; // beyond a long: no label of ours
        }
        return major == CheckedCbor.UNSIGNED ? argument : -1 - argument;
    }

    /** Takes the value of a header label the checks need; false when it has the wrong type or range. */
    private boolean field(long label, CheckedCbor cbor) throws CborException, FormatException {
        if (label == HeaderLabels.KID) {
            if (cbor.head().major() != CheckedCbor.BYTES) {
                return false;
            }
            kid = cbor.byteString();
        } else if (label == HeaderLabels.CWT_CLAIMS) {
            return claims(cbor);
        } else if (label == StatementFacts.EVENT_TYPE) {
            if (cbor.head().major() != CheckedCbor.TEXT) {
                return false;
            }
            eventType = cbor.text();
        } else if (label == StatementFacts.STREAM_REVISION) {
            revision = unsigned(cbor);
            return revision >= 0;
        } else if (label == StatementFacts.PREV) {
            if (cbor.head().major() != CheckedCbor.BYTES || cbor.argument() != Digest.LENGTH) {
                return false;
            }
            prev = Digest.copyOf(bytes, cbor.takeString());
        } else {
            cbor.skip(1);
        }
        return true;
    }

    private boolean claims(CheckedCbor cbor) throws CborException {
        if (cbor.head().major() != CheckedCbor.MAP) {
            return false;
        }
        long entries = cbor.argument();
        CheckedCbor.KeyOrder keys = new CheckedCbor.KeyOrder();
        for (long i = 0; i < entries; i++) {
            int key = cbor.position();
            long label = label(cbor, 2);
            keys.next(cbor, key);
            if (label == StatementFacts.ISS || label == StatementFacts.SUB) {
                if (cbor.head().major() != CheckedCbor.TEXT) {
                    return false;
                }
                if (label == StatementFacts.ISS) {
                    issuer = cbor.text();
                } else {
                    stream = cbor.text();
                }
            } else if (label == StatementFacts.IAT) {
                issuedAt = unsigned(cbor);
                if (issuedAt < 0) {
                    return false;
                }
            } else {
                cbor.skip(2);
            }
        }
        return true;
    }

    /** An unsigned integer no later than {@code Instant.MAX} in seconds, as the checks take it; else -1. */
    private static long unsigned(CheckedCbor cbor) throws CborException {
        cbor.head();
        if (cbor.major() != CheckedCbor.UNSIGNED) {
            return -1; // the scan gives up here, so the cursor need not step over the rest of the item
        }
        long value = cbor.argument();
        return value >= 0 && value <= Instant.MAX.getEpochSecond() ? value : -1;
    }

    /** The unprotected header: {} or {394: [bstr...]}; null for any other. */
    private @Nullable List<ByteRange> receipts(CheckedCbor cbor) throws CborException {
        if (cbor.head().major() != CheckedCbor.MAP || cbor.argument() > 1) {
            return null;
        }
        List<ByteRange> receipts = new ArrayList<>(1);
        if (cbor.argument() == 0) {
            return receipts;
        }
        if (!is(cbor.head(), CheckedCbor.UNSIGNED, HeaderLabels.RECEIPTS) || cbor.head().major() != CheckedCbor.ARRAY) {
            return null;
        }
        long count = cbor.argument();
        for (long i = 0; i < count; i++) {
            if (cbor.head().major() != CheckedCbor.BYTES) {
                return null;
            }
            int from = cbor.takeString();
            receipts.add(new ByteRange(bytes, from, cbor.position()));
        }
        return receipts;
    }
}
