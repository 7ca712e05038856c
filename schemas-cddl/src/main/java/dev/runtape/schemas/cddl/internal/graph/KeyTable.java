package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.util.List;

/**
 * The CBOR values a schema names (member keys, discriminating values), each mapped to its position in the list it
 * was built from: a lookup costs one cheap hash and one comparison, instead of a scan of the instance's members.
 *
 * <p>Text and integers hash with Java's own unkeyed hash codes, which (unlike the keyed ones of {@code dev.runtape.cbor})
 * cost nothing for a text whose hash is already known. That is safe here: the table holds only the schema's values,
 * so values an instance chooses to collide can lengthen no chain beyond the table's own few entries.
 */
public final class KeyTable {

    private final CborValue[] keys;
    private final int[] hashes;
    private final int[] positions;
    private final int mask;

    /**
     * A table of {@code values}, which must be distinct.
     *
     * @throws IllegalArgumentException if a value is given twice
     */
    public KeyTable(List<? extends CborValue> values) {
        int capacity = Integer.highestOneBit(Math.max(4, values.size() * 3)) << 1;
        keys = new CborValue[capacity];
        hashes = new int[capacity];
        positions = new int[capacity];
        mask = capacity - 1;
        for (int position = 0; position < values.size(); position++) {
            CborValue value = values.get(position);
            int hash = hash(value);
            int slot = hash & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(value)) {
                    throw new IllegalArgumentException("value given twice: " + value);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = value;
            hashes[slot] = hash;
            positions[slot] = position;
        }
    }

    /** The position of {@code value} in the list the table was built from, or -1. */
    public int indexOf(CborValue value) {
        int hash = hash(value);
        int slot = hash & mask;
        CborValue key;
        while ((key = keys[slot]) != null) {
            if (hashes[slot] == hash && key.equals(value)) {
                return positions[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int hash(CborValue value) {
        int h;
        if (value instanceof CborTextString t) {
            h = t.value().hashCode();
        } else if (value instanceof CborInteger i) {
            h = i.value().hashCode();
        } else {
            h = value.hashCode();
        }
        return h ^ (h >>> 16);
    }
}
