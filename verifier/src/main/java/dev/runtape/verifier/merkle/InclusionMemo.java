package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;

/**
 * Computes the roots of inclusion proofs exactly as {@link Inclusion#rootFromProof} does, remembering the nodes the
 * last proof passed through and the pair of children each was hashed from. A step whose pair is the last proof's pair
 * at that level (the neighbouring leaf's proof: what it had as node this one has as sibling, and the other way round)
 * takes the last proof's node instead of hashing; and once a node is the last proof's node with the rest of the path
 * and the sides the same, the root is the last one. So consecutive leaves cost one hash each on average, the inner
 * nodes of their subtree once. Any input gives the same answer as {@link Inclusion#rootFromProof}: only identical
 * computations are skipped.
 *
 * <p>Not thread-safe: one memo per sequence of proofs (a batch of consecutive statements).
 */
public final class InclusionMemo {

    private long size = -1;
    private long index;
    private List<Digest> path = List.of();
    /** {@code nodes[k]}: the node after {@code k} hashes; {@code nodes[path.size()]} is the root. */
    private Digest[] nodes = new Digest[0];
    /** Where the last proof's leaf went from the left to the right edge: see {@link #isRight}. */
    private int inner;
    /** Inner nodes hashed so far, for tests and benchmarks. */
    private long hashed;

    /**
     * The root the proof leads to: {@link Inclusion#rootFromProof}.
     *
     * @throws VerificationException unless {@code 0 <= index < size} and the path has the length the index and size
     *     need
     */
    public Digest rootFrom(long index, long size, Digest leafHash, List<Digest> path) throws VerificationException {
        if (index < 0 || index >= size) {
            throw new VerificationException("leaf index " + index + " is not in a tree of " + size + " leaves");
        }
        int inner = Long.SIZE - Long.numberOfLeadingZeros(index ^ (size - 1));
        int expected = inner + Long.bitCount(index >>> inner);
        if (path.size() != expected) {
            throw new VerificationException("inclusion proof for leaf " + index + " of " + size + " has "
                    + path.size() + " hashes, expected " + expected);
        }
        Digest[] computed = new Digest[expected + 1];
        Digest node = leafHash;
        for (int step = 0; step < expected; step++) {
            computed[step] = node;
            if (sameFrom(step, index, size, node, path)) {
                System.arraycopy(nodes, step, computed, step, expected + 1 - step);
                remember(index, size, inner, path, computed);
                return computed[expected];
            }
            Digest sibling = path.get(step);
            boolean right = isRight(step, index, inner);
            Digest left = right ? sibling : node;
            Digest rightChild = right ? node : sibling;
            if (samePair(step, left, rightChild)) {
                node = nodes[step + 1];
            } else {
                node = Rfc9162Hasher.hashChildren(left, rightChild);
                hashed++;
            }
        }
        computed[expected] = node;
        remember(index, size, inner, path, computed);
        return node;
    }

    /** Inner nodes this memo has hashed: fewer than the proofs' paths hold, by what it took from the last proof. */
    public long hashed() {
        return hashed;
    }

    /** Whether the node at {@code step} of the leaf at {@code index} is a right child (RFC 9162 §2.1.3.2). */
    private static boolean isRight(int step, long index, int inner) {
        return step >= inner || ((index >>> step) & 1) == 1;
    }

    /** Whether the last proof hashed the same two children at {@code step}: its node there is then this one's. */
    private boolean samePair(int step, Digest left, Digest right) {
        if (step >= path.size()) {
            return false;
        }
        boolean lastRight = isRight(step, index, inner);
        Digest lastNode = nodes[step];
        return lastRight
                ? PathHashes.matchesAt(this.path, step, left) && right.equals(lastNode)
                : left.equals(lastNode) && PathHashes.matchesAt(this.path, step, right);
    }

    /**
     * Whether the computation from {@code step} on is the last proof's: same tree, the same node reached, the leaf
     * on the same side at every level from here (the index's bits from {@code step} up decide the sides, and with the
     * size, where the inner levels end), and the same rest of the path.
     */
    private boolean sameFrom(int step, long index, long size, Digest node, List<Digest> path) {
        if (size != this.size || path.size() != this.path.size() || (index >>> step) != (this.index >>> step)
                || !node.equals(nodes[step])) {
            return false;
        }
        return PathHashes.sameFrom(path, this.path, step);
    }

    private void remember(long index, long size, int inner, List<Digest> path, Digest[] computed) {
        this.index = index;
        this.size = size;
        this.inner = inner;
        this.path = path;
        this.nodes = computed;
    }
}
