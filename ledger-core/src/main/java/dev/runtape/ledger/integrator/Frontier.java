package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.NodeSource;
import dev.runtape.verifier.merkle.ProofBuilder;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree: the complete subtrees that a tree of {@code size} leaves splits into, one per 1 bit of
 * {@code size}. They are all that appending needs, so an integrator that restarts reads these O(log n) nodes from its
 * store instead of hashing the log again, and each new leaf costs its leaf hash plus one hash per subtree it
 * completes. Immutable.
 */
public final class Frontier {

    /** The frontier of the empty tree. */
    public static final Frontier EMPTY = new Frontier(0, new Digest[0]);

    private final long size;
    /** {@code byLevel[l]} is the subtree at level {@code l} when bit {@code l} of {@code size} is 1, else null. */
    private final Digest[] byLevel;

    private Frontier(long size, Digest[] byLevel) {
        this.size = size;
        this.byLevel = byLevel;
    }

    /** The addresses of the right-edge subtrees of a tree of {@code size} leaves, largest first. */
    public static List<NodeAddress> addresses(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        List<NodeAddress> addresses = new ArrayList<>(Long.bitCount(size));
        for (int level = NodeAddress.MAX_LEVEL; level >= 0; level--) {
            if (((size >>> level) & 1) == 1) {
                addresses.add(new NodeAddress(level, (size >>> level) - 1));
            }
        }
        return addresses;
    }

    /** The frontier of the tree of {@code size} leaves whose subtrees {@code source} holds. */
    public static Frontier read(NodeSource source, long size) {
        Digest[] byLevel = new Digest[levelsOf(size)];
        for (NodeAddress address : addresses(size)) {
            byLevel[address.level()] = source.node(address.level(), address.index());
        }
        return new Frontier(size, byLevel);
    }

    /** The number of leaves of the tree. */
    public long size() {
        return size;
    }

    /** The root of the tree. */
    public Digest root() {
        // The root of the whole tree needs exactly the right-edge subtrees: those are what ProofBuilder asks for.
        return ProofBuilder.root((level, index) -> byLevel[level], size);
    }

    /**
     * Appends leaves by their leaf hashes.
     *
     * @return the interior nodes the new leaves complete, in the order they were completed, and the new frontier
     */
    public Growth append(List<Digest> leafHashes) {
        if (leafHashes.size() > Long.MAX_VALUE - size) {
            throw new IllegalArgumentException("a tree holds at most 2^63 - 1 leaves");
        }
        Digest[] next = java.util.Arrays.copyOf(byLevel, levelsOf(size + leafHashes.size()));
        List<TreeNode> completed = new ArrayList<>();
        long index = size;
        for (Digest leafHash : leafHashes) {
            // Each 1 bit at the bottom of the index closes one subtree: the new node is its right child.
            Digest node = leafHash;
            long position = index;
            int level = 0;
            while ((position & 1) == 1) {
                node = Rfc9162Hasher.hashChildren(next[level], node);
                next[level] = null;
                level++;
                position >>>= 1;
                completed.add(TreeNode.of(level, position, node));
            }
            next[level] = node;
            index++;
        }
        return new Growth(completed, new Frontier(index, next));
    }

    private static int levelsOf(long size) {
        return Long.SIZE - Long.numberOfLeadingZeros(size);
    }

    /** What {@link #append} produced: the nodes to store and the frontier after them. */
    public record Growth(List<TreeNode> nodes, Frontier frontier) {

        public Growth {
            nodes = List.copyOf(nodes);
        }
    }
}
