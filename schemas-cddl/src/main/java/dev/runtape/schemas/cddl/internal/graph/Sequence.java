package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborValue;
import java.util.List;

/** {@code [a, b, c]}: an array of exactly these items, in order (as COSE structures are). */
final class Sequence extends Node {

    private final Node[] items;
    private final LevelLimit limit;

    Sequence(List<Node> items, LevelLimit limit) {
        this.items = items.toArray(Node[]::new);
        this.limit = limit;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborArray array) || array.size() != items.length) {
            return false;
        }
        if (items.length == 0) {
            return true;
        }
        int inner = limit.next(level);
        for (int i = 0; i < items.length; i++) {
            if (!items[i].matches(array.get(i), inner)) {
                return false;
            }
        }
        return true;
    }
}
