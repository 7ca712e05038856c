package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree held in memory, for clients and tests.
 *
 * <p>It keeps the hash of every complete subtree, level by level, computed as the subtree's last leaf arrives. So
 * the root of any size up to {@link #size()}, and with {@link ProofBuilder} any proof between earlier sizes, takes
 * O(log n) lookups and hashes; appending costs one leaf plus at most one hash per level.
 *
 * <p>Not thread-safe: appends need external synchronization against every other use. Reads alone may run
 * concurrently once the appends they depend on are safely published.
 */
public final class InMemoryMerkleTree implements NodeSource {

    /** {@code levels.get(l).get(i)} is {@link #node(int, long) node(l, i)}. Level 0 holds the leaf hashes. */
    private final List<List<Digest>> levels = new ArrayList<>();

    /** An empty tree. */
    public InMemoryMerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** The number of leaves. */
    public long size() {
        return levels.get(0).size();
    }

    /**
     * Appends a leaf by its leaf hash (already {@link Rfc9162Hasher#hashLeaf hashed}) and returns its index.
     *
     * @throws IllegalStateException if the tree holds {@link Integer#MAX_VALUE} leaves, the limit of a list
     */
    public long append(Digest leafHash) {
        List<Digest> leaves = levels.get(0);
        if (leaves.size() == Integer.MAX_VALUE) {
            throw new IllegalStateException("an in-memory tree holds at most " + Integer.MAX_VALUE + " leaves");
        }
        long index = leaves.size();
        leaves.add(leafHash);
        // Each 1 bit at the bottom of the index completes one more subtree, the new node being its right child.
        Digest node = leafHash;
        long position = index;
        int level = 0;
        while ((position & 1) == 1) {
            node = Rfc9162Hasher.hashChildren(levels.get(level).get((int) (position - 1)), node);
            level++;
            position >>>= 1;
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(node);
        }
        return index;
    }

    /** Appends the leaf {@code data}, hashing it as RFC 9162 requires, and returns its index. */
    public long appendLeaf(byte[] data) {
        return append(Rfc9162Hasher.hashLeaf(data));
    }

    /** The root of the whole tree. */
    public Digest root() {
        return ProofBuilder.root(this, size());
    }

    /**
     * The root of the tree of the first {@code size} leaves.
     *
     * @throws IllegalArgumentException unless {@code 0 <= size <= size()}
     */
    public Digest root(long size) {
        if (size > size()) {
            throw new IllegalArgumentException("tree size " + size + " is beyond the " + size() + " leaves held");
        }
        return ProofBuilder.root(this, size);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the subtree is not complete in this tree
     */
    @Override
    public Digest node(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index
                    + " in a tree of " + size() + " leaves");
        }
        return levels.get(level).get((int) index);
    }
}
