package dev.runtape.cbor;

import java.util.Arrays;
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
    /** Per key, a cheap hash ({@link #quickHash}): keys whose hashes differ need no comparing. */
    private int[] hashes;
    private int size;
    private @Nullable LinkedHashMap<CborValue, CborValue> large; // once the map outgrows SmallMap.LIMIT

    MapEntries(int expected) {
        int capacity = Math.min(Math.max(expected, 1), SmallMap.LIMIT);
        keys = new CborValue[capacity];
        values = new CborValue[capacity];
        hashes = new int[capacity];
    }

    /**
     * Adds an entry; false if {@code key} is already there. With {@code checkRepeats} false the caller vouches that
     * keys cannot repeat (the deterministic order of a strict profile rules it out).
     */
    boolean add(CborValue key, CborValue value, boolean checkRepeats) {
        if (large != null) {
            return large.putIfAbsent(key, value) == null;
        }
        int hash = 0;
        if (checkRepeats) {
            hash = quickHash(key);
            for (int i = 0; i < size; i++) {
                if (hashes[i] == hash && keys[i].equals(key)) {
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
            int capacity = Math.min(2 * size, SmallMap.LIMIT);
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
        }
        keys[size] = key;
        hashes[size] = hash;
        values[size++] = value;
        return true;
    }

    /**
     * A hash that equal keys share, cheap for the keys maps mostly have: text (whose hash the string keeps, for the
     * lookups that follow), integers and bytes; 0 for any other kind, which is then compared in full. Unkeyed, which
     * is safe here: a small map holds at most {@link SmallMap#LIMIT} keys, so colliding ones cost a few comparisons.
     */
    private static int quickHash(CborValue key) {
        if (key instanceof CborTextString t) {
            return t.value().hashCode();
        }
        if (key instanceof CborInteger i) {
            return i.value().hashCode();
        }
        return key instanceof CborByteString b ? Arrays.hashCode(b.unsafeBytes()) : 0;
    }

    Map<CborValue, CborValue> toMap() {
        return large != null ? LargeMap.copyOf(large) : new SmallMap(keys, values, size);
    }
}
