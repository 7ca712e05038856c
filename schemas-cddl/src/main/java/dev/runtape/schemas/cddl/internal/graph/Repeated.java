package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborValue;
import java.util.List;

/** {@code [* type]}, {@code [+ type]}, {@code [n*m type]}: an array of min to max items, each of the type. */
final class Repeated extends Node {

    private final Node item;
    private final long min;
    private final long max;
    private final LevelLimit limit;

    Repeated(Node item, long min, long max, LevelLimit limit) {
        this.item = item;
        this.min = min;
        this.max = max;
        this.limit = limit;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborArray array) || array.size() < min || array.size() > max) {
            return false;
        }
        List<CborValue> items = array.items();
        if (items.isEmpty()) {
            return true;
        }
        int inner = limit.next(level);
        for (CborValue each : items) {
            if (!item.matches(each, inner)) {
                return false;
            }
        }
        return true;
    }
}
