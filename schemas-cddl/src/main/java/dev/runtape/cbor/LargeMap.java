package dev.runtape.cbor;

import java.util.HashMap;
import java.util.Map;

/**
 * The entries of a CBOR map too large to scan ({@link SmallMap#LIMIT}), in order, looked up through a hash map of
 * keyed hash codes ({@link KeyedHash}), so that keys chosen to collide cannot slow lookups down. Immutable.
 */
final class LargeMap extends OrderedEntries {

    private final CborValue[] keys;
    private final CborValue[] values;
    private final HashMap<CborValue, Integer> positions;

    private LargeMap(CborValue[] keys, CborValue[] values, HashMap<CborValue, Integer> positions) {
        this.keys = keys;
        this.values = values;
        this.positions = positions;
    }

    /** A copy of {@code entries}, whose keys are distinct as any map's are, in their order. */
    static LargeMap copyOf(Map<CborValue, CborValue> entries) {
        CborValue[] keys = new CborValue[entries.size()];
        CborValue[] values = new CborValue[entries.size()];
        HashMap<CborValue, Integer> positions = HashMap.newHashMap(entries.size());
        int i = 0;
        for (Map.Entry<CborValue, CborValue> entry : entries.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            positions.put(entry.getKey(), i++);
        }
        return new LargeMap(keys, values, positions);
    }

    @Override
    int indexOf(Object key) {
        Integer position = positions.get(key);
        return position == null ? -1 : position;
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
