package dev.runtape.cbor;

import java.util.Map;

/**
 * The entries of a small CBOR map, in order, looked up by scanning. Most maps in Runtape's formats (headers, steps,
 * content references) have a handful of entries: comparing that many keys costs less than one keyed hash
 * ({@link KeyedHash}), and hash flooding needs many keys, which go into a hash map instead ({@link #LIMIT}).
 * Immutable.
 */
final class SmallMap extends OrderedEntries {

    /** The most entries kept in a small map. */
    static final int LIMIT = 16;

    private final CborValue[] keys;
    private final CborValue[] values;

    /** A map of the first {@code size} keys and values; the arrays are the caller's no longer (kept, not copied). */
    SmallMap(CborValue[] keys, CborValue[] values, int size) {
        if (size > LIMIT) {
            throw new IllegalArgumentException("a small map holds at most " + LIMIT + " entries, not " + size);
        }
        this.keys = keys.length == size ? keys : java.util.Arrays.copyOf(keys, size);
        this.values = values.length == size ? values : java.util.Arrays.copyOf(values, size);
    }

    static SmallMap copyOf(Map<CborValue, CborValue> entries) {
        CborValue[] keys = new CborValue[entries.size()];
        CborValue[] values = new CborValue[entries.size()];
        int i = 0;
        for (Map.Entry<CborValue, CborValue> entry : entries.entrySet()) {
            keys[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new SmallMap(keys, values, i);
    }

    @Override
    int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    CborValue keyAt(int position) {
        return keys[position];
    }

    @Override
    CborValue valueAt(int position) {
        return values[position];
    }

    @Override
    public int size() {
        return keys.length;
    }
}
