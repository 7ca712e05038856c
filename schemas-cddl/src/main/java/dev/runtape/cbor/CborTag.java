package dev.runtape.cbor;

import java.util.Objects;

/**
 * A major type 6 tagged item. The tag number is an unsigned 64-bit value held in a {@code long}; use
 * {@link Long#toUnsignedString(long)} to show it.
 */
public record CborTag(long tag, CborValue content) implements CborValue {

    public CborTag {
        Objects.requireNonNull(content, "content");
    }

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide. */
    @Override
    public int hashCode() {
        return KeyedHash.start(6).add(tag).add(content.hashCode()).finish();
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(tag) + "(" + content + ")";
    }
}
