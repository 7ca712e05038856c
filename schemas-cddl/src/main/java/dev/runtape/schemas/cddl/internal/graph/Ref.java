package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rule that refers to itself through one of its parts ({@code tree = [* tree] / int}): where the rule is used
 * within itself, the graph points here, and here is pointed at the rule's node once it is built.
 */
public final class Ref extends Node {

    private @Nullable Node target;

    /** Points this reference at the rule's node; done once, by the compiler, before the graph is used. */
    public void resolveTo(Node node) {
        if (target != null) {
            throw new IllegalStateException("a reference is resolved once");
        }
        target = node;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return Objects.requireNonNull(target, "reference resolved when the graph was built").matches(value, level);
    }
}
