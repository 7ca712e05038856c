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

    @Override
    public String toString() {
        return items.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
