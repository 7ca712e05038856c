package dev.runtape.schemas.cddl.internal.graph;

/**
 * How deep into an instance a graph may look. The compiler works it out from the graph's shape once every node is
 * built, and sets it before the graph is published; it never changes after.
 */
public final class LevelLimit {

    private int maxLevel = -1;

    /** Sets the deepest level the graph may look at; set once, by the compiler, before the graph is used. */
    public void set(int maxLevel) {
        this.maxLevel = maxLevel;
    }

    /**
     * The level of the parts of a value at {@code level}.
     *
     * @throws TooDeep if that is deeper than the limit
     */
    int next(int level) {
        int next = level + 1;
        if (next > maxLevel) {
            throw TooDeep.INSTANCE;
        }
        return next;
    }
}
