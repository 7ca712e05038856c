package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the node of a map type. Most maps are one sequence of members under distinct literal keys, perhaps with
 * groups spliced in once and entries with type keys after them: those match in one pass over the map's members
 * ({@link KeyedMap}). Any other map is matched member by member as the interpreting matcher does
 * ({@link GroupedMap}).
 */
public final class MapNodes {

    private MapNodes() {
    }

    /** The node of {@code {group}}. */
    public static Node of(MapGroup group, LevelLimit limit) {
        if (group.choices().size() == 1) {
            List<MapGroup.Literal> literals = new ArrayList<>();
            List<MapGroup.Typed> typed = new ArrayList<>();
            if (flatten(group.choices().getFirst(), literals, typed, new HashSet<>())) {
                return new KeyedMap(literals, typed, limit);
            }
        }
        return new GroupedMap(group, limit);
    }

    /**
     * Gathers the members of a sequence, and of the groups it splices in exactly once, in the order they are
     * matched; false if that order could matter. It cannot when the literal keys are distinct, each occurs at most
     * once, and every one of them is matched before any type key is: then each literal entry takes its own member
     * whatever the others do, and the type keys take what is left, in their order, as the matcher does.
     */
    private static boolean flatten(List<MapGroup.Member> members, List<MapGroup.Literal> literals,
            List<MapGroup.Typed> typed, Set<CborValue> keys) {
        for (MapGroup.Member member : members) {
            switch (member) {
                case MapGroup.Literal literal -> {
                    if (!typed.isEmpty() || literal.min() > 1 || !keys.add(literal.key())) {
                        return false;
                    }
                    literals.add(literal);
                }
                case MapGroup.Typed t -> typed.add(t);
                case MapGroup.Spliced spliced -> {
                    if (spliced.min() != 1 || spliced.max() != 1 || spliced.group().choices().size() != 1
                            || !flatten(spliced.group().choices().getFirst(), literals, typed, keys)) {
                        return false;
                    }
                }
                case MapGroup.Keyless keyless -> {
                    return false;
                }
            }
        }
        return true;
    }
}
