package dev.runtape.verifier.bundle;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes {@code from} to {@code to - 1} of an array, read where they lie: an entry in the buffer the bundle was read
 * into, a receipt inside its statement, which the common path reads without copying. The array must not change.
 */
public record ByteRange(byte[] bytes, int from, int to) {

    public ByteRange {
        Objects.checkFromToIndex(from, to, bytes.length);
    }

    /** All of {@code bytes}. */
    public static ByteRange of(byte[] bytes) {
        return new ByteRange(bytes, 0, bytes.length);
    }

    public int length() {
        return to - from;
    }

    /** The bytes in an array of their own. */
    public byte[] copy() {
        return Arrays.copyOfRange(bytes, from, to);
    }
}
