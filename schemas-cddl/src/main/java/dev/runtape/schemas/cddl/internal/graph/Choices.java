package dev.runtape.schemas.cddl.internal.graph;

import java.util.ArrayList;
import java.util.List;

/** Builds the node of a choice: nested choices flattened, plain kinds merged, map types dispatched. */
public final class Choices {

    private Choices() {
    }

    /** The node matching what any of {@code options} matches. */
    public static Node of(List<Node> options) {
        List<Node> flat = new ArrayList<>();
        int kinds = 0;
        for (Node option : flatten(options)) {
            if (option == Fixed.ANY) {
                return Fixed.ANY;
            }
            if (option instanceof Kinds k) {
                kinds |= k.kinds();
            } else if (option != Fixed.NONE) {
                flat.add(option);
            }
        }
        if (kinds != 0) {
            flat.addFirst(Kinds.of(kinds)); // cheapest first: the result is the same in any order
        }
        if (flat.isEmpty()) {
            return Fixed.NONE;
        }
        if (flat.size() == 1) {
            return flat.getFirst();
        }
        MapChoice dispatched = MapChoice.of(flat);
        return dispatched != null ? dispatched : new Choice(flat);
    }

    private static List<Node> flatten(List<Node> options) {
        List<Node> flat = new ArrayList<>();
        for (Node option : options) {
            if (option instanceof Choice c) {
                flat.addAll(c.options());
            } else {
                flat.add(option);
            }
        }
        return flat;
    }
}
