package dev.runtape.cbor;

import java.util.List;
import java.util.stream.Collectors;

/** A major type 4 array. */
public record CborArray(List<CborValue> items) implements CborValue {

    public CborArray {
        items = List.copyOf(items);
    }

    public static CborArray of(CborValue... items) {
        return new CborArray(List.of(items));
    }

    public int size() {
        return items.size();
    }

    public CborValue get(int index) {
        return items.get(index);
    }

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide. */
    @Override
    public int hashCode() {
        KeyedHash hash = KeyedHash.start(4);
        for (CborValue item : items) {
            hash.add(item.hashCode());
        }
        return hash.finish();
    }

    @Override
    public String toString() {
        return items.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
