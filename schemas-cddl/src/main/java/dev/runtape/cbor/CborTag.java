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

    @Override
    public String toString() {
        return Long.toUnsignedString(tag) + "(" + content + ")";
    }
}
