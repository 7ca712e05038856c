package dev.runtape.cbor;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a CBOR map, immutable, in the order they were given or decoded in, and reachable by position as
 * well as by key: a reader can walk them without an iterator or entry objects. Small maps scan ({@link SmallMap}),
 * large ones hash ({@link LargeMap}).
 */
abstract sealed class OrderedEntries extends AbstractMap<CborValue, CborValue> permits SmallMap, LargeMap {

    /** The key at {@code position}, from 0 to {@code size() - 1}. */
    abstract CborValue keyAt(int position);

    /** The value at {@code position}. */
    abstract CborValue valueAt(int position);

    /** The position of {@code key}, or -1. */
    abstract int indexOf(Object key);

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public @Nullable CborValue get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
    }

    @Override
    public Set<Map.Entry<CborValue, CborValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<CborValue, CborValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size();
                    }

                    @Override
                    public Map.Entry<CborValue, CborValue> next() {
                        if (next >= size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keyAt(i), valueAt(i));
                    }
                };
            }

            @Override
            public int size() {
                return OrderedEntries.this.size();
            }
        };
    }
}
