package dev.runtape.schemas.cddl.internal.graph;

import java.util.List;

/** Builds the node of an array type: the common shapes get nodes of their own. */
public final class ArrayNodes {

    private ArrayNodes() {
    }

    /** The node of {@code [group]}. */
    public static Node of(ArrayGroup group, LevelLimit limit) {
        if (group.choices().size() == 1) {
            List<ArrayGroup.Item> items = group.choices().getFirst();
            if (items.size() == 1 && items.getFirst().value() != null) {
                ArrayGroup.Item only = items.getFirst();
                return new Repeated(only.value(), only.min(), only.max(), limit);
            }
            if (items.stream().allMatch(i -> i.value() != null && i.min() == 1 && i.max() == 1)) {
                return new Sequence(items.stream().map(ArrayGroup.Item::value).toList(), limit);
            }
        }
        return new GroupedArray(group, limit);
    }
}
