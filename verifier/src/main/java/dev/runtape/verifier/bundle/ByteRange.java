package dev.runtape.verifier.bundle;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes {@code from} to {@code to - 1} of an array, read where they lie: a receipt inside its statement, which the
 * common path reads without copying. The array must not change.
 */
record ByteRange(byte[] bytes, int from, int to) {

    ByteRange {
        Objects.checkFromToIndex(from, to, bytes.length);
    }

    /** All of {@code bytes}. */
    static ByteRange of(byte[] bytes) {
        return new ByteRange(bytes, 0, bytes.length);
    }

    byte[] copy() {
        return Arrays.copyOfRange(bytes, from, to);
    }
}
