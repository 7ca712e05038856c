package dev.runtape.cbor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects the entries of a map being decoded, refusing a repeated key: by comparing keys while the map is small,
 * and through a hash map of keyed hash codes once it is not, so that neither many keys nor keys chosen to collide
 * make decoding quadratic.
 */
final class MapEntries {

    private CborValue[] keys;
    private CborValue[] values;
    private int size;
    private @Nullable LinkedHashMap<CborValue, CborValue> large; // once the map outgrows SmallMap.LIMIT

    MapEntries(int expected) {
        int capacity = Math.min(Math.max(expected, 1), SmallMap.LIMIT);
        keys = new CborValue[capacity];
        values = new CborValue[capacity];
    }

    /**
     * Adds an entry; false if {@code key} is already there. With {@code checkRepeats} false the caller vouches that
     * keys cannot repeat (the deterministic order of a strict profile rules it out).
     */
    boolean add(CborValue key, CborValue value, boolean checkRepeats) {
        if (large != null) {
            return large.putIfAbsent(key, value) == null;
        }
        if (checkRepeats) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return false;
                }
            }
        }
        if (size == SmallMap.LIMIT) {
            large = new LinkedHashMap<>(4 * SmallMap.LIMIT);
            for (int i = 0; i < size; i++) {
                large.put(keys[i], values[i]);
            }
            return large.putIfAbsent(key, value) == null;
        }
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, Math.min(2 * size, SmallMap.LIMIT));
            values = java.util.Arrays.copyOf(values, keys.length);
        }
        keys[size] = key;
        values[size++] = value;
        return true;
    }

    Map<CborValue, CborValue> toMap() {
        return large != null ? LargeMap.copyOf(large) : new SmallMap(keys, values, size);
    }
}
