package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import org.jspecify.annotations.Nullable;

/** One compiled type: whether a value matches it. Immutable once the graph is built, and safe to share. */
public abstract class Node {

    /**
     * Whether {@code value} matches.
     *
     * @param level how many items, members and tag contents deep {@code value} sits in the instance; a node that
     *     looks inside {@code value} passes its parts {@link LevelLimit#next} of it
     * @throws TooDeep when the instance is nested too deeply to decide here
     */
    public abstract boolean matches(CborValue value, int level);

    /** What a map must hold for this node to match it, if this node matches maps only and requires members. */
    @Nullable MapGuard guard() {
        return null;
    }

    /** True if this node matches nothing but maps. */
    boolean onlyMaps() {
        return false;
    }
}
