package dev.runtape.ledger.statement;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the attached payload of a stored statement in its bytes, without decoding the message: the log holds its
 * statements as deterministic CBOR, tag 18 over {@code [protected bstr, {}, payload bstr, signature bstr]}, and a
 * replay needs only the payload of each. Any other shape (an unprotected header that is not empty, a head it does
 * not expect) is left to decoding the whole message, which also names what is wrong.
 */
final class AttachedPayload {

    private static final int TAG_18 = 0xd2;
    private static final int ARRAY_OF_FOUR = 0x84;
    private static final int EMPTY_MAP = 0xa0;
    private static final int BYTE_STRING = 2;

    private AttachedPayload() {
    }

    /** The payload's bytes, or empty when the message is not of the shape the log stores. */
    static Optional<byte[]> of(byte[] statement) {
        if (statement.length < 4 || (statement[0] & 0xff) != TAG_18 || (statement[1] & 0xff) != ARRAY_OF_FOUR) {
            return Optional.empty();
        }
        long protectedEnd = byteStringEnd(statement, 2);
        if (protectedEnd < 0 || protectedEnd >= statement.length || (statement[(int) protectedEnd] & 0xff) != EMPTY_MAP) {
            return Optional.empty();
        }
        int payloadHead = (int) protectedEnd + 1;
        long payloadEnd = byteStringEnd(statement, payloadHead);
        // The signature must end the message exactly: no item is missing or left over.
        if (payloadEnd < 0 || byteStringEnd(statement, (int) payloadEnd) != statement.length) {
            return Optional.empty();
        }
        int start = (int) payloadEnd - (int) length(statement, payloadHead);
        return Optional.of(Arrays.copyOfRange(statement, start, (int) payloadEnd));
    }

    /** Where the byte string whose head is at {@code at} ends, or -1 when it is not one within the bytes. */
    private static long byteStringEnd(byte[] bytes, int at) {
        if (at >= bytes.length || (bytes[at] & 0xff) >>> 5 != BYTE_STRING) {
            return -1;
        }
        long length = length(bytes, at);
        if (length < 0) {
            return -1;
        }
        long end = at + headLength(bytes[at]) + length;
        return end <= bytes.length ? end : -1;
    }

    /** The length a byte string's head at {@code at} gives, or -1 when it does not give one within the bytes. */
    private static long length(byte[] bytes, int at) {
        int info = bytes[at] & 0x1f;
        if (info < 24) {
            return info;
        }
        if (info > 26 || at + headLength(bytes[at]) > bytes.length) {
            return -1; // 27 (eight bytes) would exceed any array; 28 to 31 are reserved or indefinite
        }
        long length = 0;
        for (int i = 1; i < headLength(bytes[at]); i++) {
            length = (length << 8) | (bytes[at + i] & 0xff);
        }
        return length;
    }

    private static int headLength(byte initial) {
        int info = initial & 0x1f;
        return info < 24 ? 1 : 1 + (1 << (info - 24));
    }
}
