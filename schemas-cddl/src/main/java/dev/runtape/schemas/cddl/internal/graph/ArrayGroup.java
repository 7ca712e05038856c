package dev.runtape.schemas.cddl.internal.graph;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The group inside an array, compiled: its choices ({@code //}), each a sequence of items with their occurrences.
 * An item is one value's type, or a group spliced in (a group name, a parenthesized group, {@code ~name}).
 */
public record ArrayGroup(List<List<Item>> choices) {

    public ArrayGroup {
        choices = choices.stream().map(List::copyOf).toList();
    }

    /** One entry of the group: a value's type or a spliced group (exactly one of them), and how often it occurs. */
    public record Item(@Nullable Node value, @Nullable ArrayGroup group, long min, long max) {

        public Item {
            if ((value == null) == (group == null)) {
                throw new IllegalArgumentException("an array item is a value or a group, not both or neither");
            }
        }

        public static Item value(Node value, long min, long max) {
            return new Item(value, null, min, max);
        }

        public static Item group(ArrayGroup group, long min, long max) {
            return new Item(null, group, min, max);
        }
    }
}
