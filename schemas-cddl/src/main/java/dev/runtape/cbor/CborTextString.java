package dev.runtape.cbor;

import java.util.Objects;

/** A major type 3 text string (valid UTF-8 on the wire). */
public record CborTextString(String value) implements CborValue {

    public CborTextString {
        Objects.requireNonNull(value, "value");
    }

    public static CborTextString of(String value) {
        return new CborTextString(value);
    }

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide. */
    @Override
    public int hashCode() {
        return KeyedHash.start(3).add(value).finish();
    }

    @Override
    public String toString() {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
