package dev.runtape.ledger.integrator;

import java.util.List;

/**
 * New leaves for a tree of {@code fromSize} leaves, with every complete subtree they complete: what {@link
 * TreeStore#extend} writes in one transaction, so that the stored tree never holds a leaf without its nodes.
 *
 * <p>The leaves take the indexes {@code fromSize, fromSize + 1, ...} in list order, at rising log positions. Each
 * node ends after {@code fromSize} (it was not complete before) and at or before {@link #toSize()}. {@link Frontier}
 * computes the nodes; this record checks only the shape.
 */
public record TreeExtension(long fromSize, List<TreeLeaf> leaves, List<TreeNode> nodes) {

    public TreeExtension {
        leaves = List.copyOf(leaves);
        nodes = List.copyOf(nodes);
        if (fromSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + fromSize);
        }
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("an extension needs at least one leaf");
        }
        long previousPosition = 0;
        for (int i = 0; i < leaves.size(); i++) {
            TreeLeaf leaf = leaves.get(i);
            if (leaf.leafIndex() != fromSize + i) {
                throw new IllegalArgumentException("leaf " + i + " of an extension from size " + fromSize
                        + " must have index " + (fromSize + i) + ", not " + leaf.leafIndex());
            }
            if (leaf.position() <= previousPosition) {
                throw new IllegalArgumentException("log positions must rise: leaf " + leaf.leafIndex()
                        + " is at position " + leaf.position() + " after position " + previousPosition);
            }
            previousPosition = leaf.position();
        }
        long toSize = fromSize + leaves.size();
        for (TreeNode node : nodes) {
            long end = node.address().end();
            if (end <= fromSize || end > toSize) {
                throw new IllegalArgumentException("node " + node.address() + " is complete at size " + end
                        + ", outside the extension from size " + fromSize + " to " + toSize);
            }
        }
    }

    /** The tree size after the extension. */
    public long toSize() {
        return fromSize + leaves.size();
    }

    /** The log position of the first new leaf. */
    public long firstPosition() {
        return leaves.getFirst().position();
    }

    /** The log position of the last new leaf. */
    public long lastPosition() {
        return leaves.getLast().position();
    }

    /** The tree's state after the extension. */
    public TreeState stateAfter() {
        return new TreeState(toSize(), lastPosition());
    }
}
