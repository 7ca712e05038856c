package dev.runtape.verifier.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over CBOR that {@code CborDecoder.check} has already accepted: it reads heads, steps over items and takes
 * strings where they lie, without checking again what the check made sure of (shortest heads, definite lengths,
 * ordered keys, valid UTF-8) and without making a value of anything it only passes. Not for unchecked bytes: there
 * an index out of the array's bounds is how a mistake would show. Not thread-safe.
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
    private int position;
    private int major;
    private long argument;

    CheckedCbor(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int position() {
        return position;
    }

    /** The major type of the next item, without moving. */
    int peekMajor() {
        return (bytes[position] & 0xff) >>> 5;
    }

    /** Reads the next head; its major type and argument (a length, a count, a value or a tag) are then at hand. */
    CheckedCbor head() {
        int initial = bytes[position++] & 0xff;
        major = initial >>> 5;
        int info = initial & 0x1f;
        if (info < 24) {
            argument = info;
        } else {
            int width = 1 << (info - 24); // 24 to 27: 1, 2, 4 or 8 bytes; the check refused anything else
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = (value << 8) | (bytes[position++] & 0xff);
            }
            argument = value;
        }
        return this;
    }

    int major() {
        return major;
    }

    long argument() {
        return argument;
    }

    /** Steps over the next item, whole. */
    void skip() {
        head();
        long count = argument; // the items' own heads overwrite the argument
        switch (major) {
            case BYTES, TEXT -> position += (int) count;
            case ARRAY -> {
                for (long i = 0; i < count; i++) {
                    skip();
                }
            }
            case MAP -> {
                for (long i = 0; i < 2 * count; i++) {
                    skip();
                }
            }
            case TAG -> skip();
            default -> {
                // an integer or a simple value or float: the head was all of it
            }
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
    String text() {
        int start = takeString();
        return new String(bytes, start, position - start, StandardCharsets.UTF_8);
    }

    /** Whether the text string whose head was just read is {@code ascii}, moving past it either way. */
    boolean textEquals(byte[] ascii) {
        int start = takeString();
        return Arrays.equals(bytes, start, position, ascii, 0, ascii.length);
    }
}
