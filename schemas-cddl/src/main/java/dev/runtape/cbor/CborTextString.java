package dev.runtape.cbor;

import java.util.Objects;

/**
 * A major type 3 text string (valid UTF-8 on the wire). A class rather than a record so that it can keep its hash
 * code: keyed hashing ({@link KeyedHash}) is dear, and map keys are hashed on every lookup.
 */
public final class CborTextString implements CborValue {

    private final String value;
    private int hash; // 0 until computed; a benign race, as in String

    public CborTextString(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static CborTextString of(String value) {
        return new CborTextString(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CborTextString that && value.equals(that.value);
    }

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide; computed once. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = KeyedHash.start(3).add(value).finish() | 1;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
