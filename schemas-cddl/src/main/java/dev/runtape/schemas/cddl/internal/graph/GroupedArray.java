package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborValue;
import java.util.BitSet;
import java.util.List;

/**
 * An array of any other group: choices, optional or repeated items, spliced groups. Matched as the interpreting
 * matcher does, by carrying the set of positions each item can end at, so that the work grows with the array's
 * length times the group's items rather than with the ways to split the array.
 */
final class GroupedArray extends Node {

    private final ArrayGroup group;
    private final LevelLimit limit;

    GroupedArray(ArrayGroup group, LevelLimit limit) {
        this.group = group;
        this.limit = limit;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborArray array)) {
            return false;
        }
        List<CborValue> items = array.items();
        BitSet start = new BitSet();
        start.set(0);
        return groupEnds(group, items, start, limit.next(level)).get(items.size());
    }

    private BitSet groupEnds(ArrayGroup group, List<CborValue> items, BitSet starts, int level) {
        BitSet ends = new BitSet();
        for (List<ArrayGroup.Item> choice : group.choices()) {
            BitSet positions = starts;
            for (ArrayGroup.Item item : choice) {
                positions = itemEnds(item, items, positions, level);
                if (positions.isEmpty()) {
                    break;
                }
            }
            ends.or(positions);
        }
        return ends;
    }

    /** The positions an item, with its occurrence, can end at when it starts at any of {@code starts}. */
    private BitSet itemEnds(ArrayGroup.Item item, List<CborValue> items, BitSet starts, int level) {
        BitSet result = item.min() == 0 ? (BitSet) starts.clone() : new BitSet();
        // Positions already repeated from at a count >= min: from there, with as much budget left or more, every
        // further repetition was already tried.
        BitSet expanded = item.min() == 0 ? (BitSet) starts.clone() : new BitSet();
        BitSet frontier = starts;
        for (long count = 1; count <= item.max() && !frontier.isEmpty(); count++) {
            BitSet next = new BitSet();
            for (int p = frontier.nextSetBit(0); p >= 0; p = frontier.nextSetBit(p + 1)) {
                next.or(once(item, items, p, level));
            }
            if (count >= item.min()) {
                result.or(next);
                next.andNot(expanded);
                expanded.or(next);
            }
            frontier = next;
            if (count > items.size() + item.min()) {
                break;
            }
        }
        return result;
    }

    private BitSet once(ArrayGroup.Item item, List<CborValue> items, int at, int level) {
        ArrayGroup spliced = item.group();
        if (spliced != null) {
            BitSet start = new BitSet();
            start.set(at);
            return groupEnds(spliced, items, start, level);
        }
        BitSet end = new BitSet();
        if (at < items.size() && item.value().matches(items.get(at), level)) {
            end.set(at + 1);
        }
        return end;
    }
}
