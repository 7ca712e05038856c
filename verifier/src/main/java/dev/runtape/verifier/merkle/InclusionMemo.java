package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;

/**
 * Computes the roots of inclusion proofs exactly as {@link Inclusion#rootFromProof} does, remembering the nodes the
 * last proof passed through. The proof of a neighbouring leaf reaches one of those nodes after a few hashes; from
 * there, when the rest of its path is the last proof's too (and the leaf lies on the same side at every level above),
 * the rest of the computation is the same, so its root is the last one, without hashing it again. Any input gives
 * the same answer as {@link Inclusion#rootFromProof}: only identical computations are skipped.
 *
 * <p>Not thread-safe: one memo per sequence of proofs (a batch of consecutive statements).
 */
public final class InclusionMemo {

    private long size = -1;
    private long index;
    private List<Digest> path = List.of();
    /** {@code nodes[k]}: the node after {@code k} hashes; {@code nodes[path.size()]} is the root. */
    private Digest[] nodes = new Digest[0];

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
                remember(index, size, path, computed);
                return computed[expected];
            }
            Digest sibling = path.get(step);
            boolean isRightChild = step >= inner || ((index >>> step) & 1) == 1;
            node = isRightChild ? Rfc9162Hasher.hashChildren(sibling, node) : Rfc9162Hasher.hashChildren(node, sibling);
        }
        computed[expected] = node;
        remember(index, size, path, computed);
        return node;
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
        for (int i = step; i < path.size(); i++) {
            if (!PathHashes.sameAt(path, this.path, i)) {
                return false;
            }
        }
        return true;
    }

    private void remember(long index, long size, List<Digest> path, Digest[] computed) {
        this.index = index;
        this.size = size;
        this.path = path;
        this.nodes = computed;
    }
}
