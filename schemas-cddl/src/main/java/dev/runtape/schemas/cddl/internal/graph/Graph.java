package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import org.jspecify.annotations.Nullable;

/** The compiled graph of one rule, from its root node. Immutable and safe to share. */
public final class Graph {

    private final Node root;

    public Graph(Node root) {
        this.root = root;
    }

    /**
     * True if {@code value} matches the rule; false if it does not, or if the graph cannot tell (the instance nests
     * too deeply), when the interpreting matcher must decide.
     */
    public boolean accepts(CborValue value) {
        return Boolean.TRUE.equals(decide(value));
    }

    /** True or false if the graph can tell whether {@code value} matches; null if it cannot. */
    public @Nullable Boolean decide(CborValue value) {
        try {
            return root.matches(value, 0);
        } catch (TooDeep e) {
            return null;
        }
    }
}
