package dev.runtape.ledger.integrator;

/**
 * Where a complete subtree sits: its level (0 for a leaf) and its index within that level. Node {@code (level,
 * index)} covers the leaves {@code [index·2^level, (index+1)·2^level)}, as in {@link
 * dev.runtape.verifier.merkle.NodeSource}.
 */
public record NodeAddress(int level, long index) {

    /** The highest level a tree of at most 2^63 - 1 leaves has a complete subtree at. */
    public static final int MAX_LEVEL = 62;

    public NodeAddress {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be 0 to " + MAX_LEVEL + ": " + level);
        }
        if (index < 0 || index > (Long.MAX_VALUE >>> level) - 1) {
            throw new IllegalArgumentException("no subtree at level " + level + " has index " + index);
        }
    }

    /** The number of leaves below this subtree and before it: the tree size at which it becomes complete. */
    public long end() {
        return (index + 1) << level;
    }
}
