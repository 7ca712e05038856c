package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborProfile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over bytes that should hold deterministic CBOR, checking as it reads: each head it reads lies within its
 * range, has a definite length in its shortest form, and a length or count that the bytes left can hold; each text it
 * reads or compares is valid UTF-8; each item it steps over is checked whole ({@code CborDecoder.checkedEnd}); and a
 * reader that walks a map has its keys' order checked ({@link KeyOrder}). So a reader that takes its few fields where
 * they lie and walks or steps over the rest has checked every byte once, as {@code CborDecoder.check} would, without
 * a pass of its own. A broken rule is a {@link CborException}: the reader gives up, and decoding names what is wrong.
 * It reads no simple value or float itself, only steps over them. Not thread-safe.
 */
final class CheckedCbor {

    static final int UNSIGNED = 0;
    static final int NEGATIVE = 1;
    static final int BYTES = 2;
    static final int TEXT = 3;
    static final int ARRAY = 4;
    static final int MAP = 5;
    static final int TAG = 6;

    private final byte[] bytes;
    private final int end;
    private int position;
    private int major;
    private long argument;

    /** A cursor at {@code bytes[from]} that reads nothing at or after {@code bytes[to]}. */
    CheckedCbor(byte[] bytes, int from, int to) {
        if (from < 0 || to > bytes.length || from > to) {
            throw new IllegalArgumentException("not a range of " + bytes.length + " bytes: " + from + " to " + to);
        }
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    int position() {
        return position;
    }

    /** Whether every byte of the range has been read. */
    boolean atEnd() {
        return position == end;
    }

    /** The next byte, without moving. */
    int peekByte() throws CborException {
        if (position >= end) {
            throw error(position, "the input ends where a data item was expected");
        }
        return bytes[position] & 0xff;
    }

    /** The major type of the next item, without moving. */
    int peekMajor() throws CborException {
        return peekByte() >>> 5;
    }

    /** Reads the next head; its major type and argument (a length, a count, a value or a tag) are then at hand. */
    CheckedCbor head() throws CborException {
        int start = position;
        int initial = peekByte();
        position++;
        major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            throw error(start, "a simple value or float, which this cursor only steps over");
        }
        if (info < 24) {
            argument = info;
        } else if (info < 28) {
            int width = 1 << (info - 24);
            if (end - position < width) {
                throw error(start, "the input ends inside a " + width + "-byte argument");
            }
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = (value << 8) | (bytes[position++] & 0xff);
            }
            if (Long.compareUnsigned(value, width == 1 ? 24 : 1L << (4 * width)) < 0) {
                throw error(start, "an argument not in its shortest form");
            }
            argument = value;
        } else {
            throw error(start, info == 31 ? "an indefinite length" : "reserved additional information " + info);
        }
        long left = end - position;
        boolean fits = switch (major) {
            case BYTES, TEXT, ARRAY -> Long.compareUnsigned(argument, left) <= 0;
            case MAP -> Long.compareUnsigned(argument, left / 2) <= 0;
            default -> true;
        };
        if (!fits) {
            throw error(start, "a length or count beyond the " + left + " bytes left");
        }
        return this;
    }

    int major() {
        return major;
    }

    long argument() {
        return argument;
    }

    /**
     * Steps over the next item, whole, checking it.
     *
     * @param depth how deep the item is nested in the whole item, which decoding limits
     */
    void skip(int depth) throws CborException {
        checkDepth(depth);
        int next = peekMajor();
        if (next > TEXT) {
            position = CborDecoder.checkedEnd(bytes, position, end, depth, CborProfile.DETERMINISTIC);
            return;
        }
        // Integers and strings, most of what is stepped over, are checked here.
        head();
        if (next == BYTES) {
            takeString();
        } else if (next == TEXT) {
            int start = takeString();
            checkUtf8(start);
        }
    }

    /** After the head of a byte or text string: its contents start here, and the cursor moves past them. */
    int takeString() {
        int start = position;
        position += (int) argument;
        return start;
    }

    /** After the head of a byte string: a copy of its contents. */
    byte[] byteString() {
        int start = takeString();
        return Arrays.copyOfRange(bytes, start, position);
    }

    /** After the head of a text string: its text. */
    String text() throws CborException {
        int start = takeString();
        String text = new String(bytes, start, position - start, StandardCharsets.UTF_8);
        // Malformed UTF-8 became U+FFFD, which valid UTF-8 may also encode: only then is it decoded strictly.
        if (text.indexOf('\uFFFD') >= 0) {
            checkUtf8(start);
        }
        return text;
    }

    /** Whether the text string whose head was just read is {@code ascii}, moving past it either way. */
    boolean textEquals(byte[] ascii) throws CborException {
        int start = takeString();
        if (Arrays.equals(bytes, start, position, ascii, 0, ascii.length)) {
            return true;
        }
        checkUtf8(start);
        return false;
    }

    /** The text from {@code start} to here is valid UTF-8. */
    private void checkUtf8(int start) throws CborException {
        for (int i = start; i < position; i++) {
            if (bytes[i] < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, position - start));
                } catch (CharacterCodingException e) {
                    throw error(start, "a text string that is not valid UTF-8");
                }
                return;
            }
        }
    }

    /** An item at {@code depth} is refused beyond {@code CborDecoder.MAX_DEPTH}, as decoding refuses it. */
    void checkDepth(int depth) throws CborException {
        if (depth > CborDecoder.MAX_DEPTH) {
            throw error(position, "nested deeper than " + CborDecoder.MAX_DEPTH + " levels");
        }
    }

    private static CborException error(int at, String message) {
        return new CborException("at byte " + at + ": " + message);
    }

    /**
     * The keys of one map, checked in turn as a reader walks them: each must sort after the one before by its
     * encoded bytes, as a deterministic map's keys do (so none is repeated).
     */
    static final class KeyOrder {

        private int previousStart = -1;
        private int previousEnd;

        /** Checks the key {@code cbor} has just read, from {@code start} to its position. */
        void next(CheckedCbor cbor, int start) throws CborException {
            if (previousStart >= 0 && Arrays.compareUnsigned(cbor.bytes, previousStart, previousEnd, cbor.bytes, start,
                    cbor.position) >= 0) {
                throw error(start, "a map key out of the deterministic order");
            }
            previousStart = start;
            previousEnd = cbor.position;
        }
    }
}
