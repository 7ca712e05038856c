package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;

/** {@code #2.n}, {@code #3.n}, {@code #4.n}, {@code #5.n}: a byte string, text, array or map of length n. */
public final class SizedMajorType extends Node {

    private final long major;
    private final long length;

    public SizedMajorType(long major, long length) {
        if (major < 2 || major > 5) {
            throw new IllegalArgumentException("major type " + major + " has no length");
        }
        this.major = major;
        this.length = length;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return switch (value) {
            case CborByteString b when major == 2 -> b.length() == length;
            case CborTextString t when major == 3 -> Utf8.length(t.value()) == length;
            case CborArray a when major == 4 -> a.size() == length;
            case CborMap m when major == 5 -> m.size() == length;
            default -> false;
        };
    }
}
