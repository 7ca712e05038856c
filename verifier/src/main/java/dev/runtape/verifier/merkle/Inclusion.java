package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;

/**
 * Verification of RFC 9162 §2.1.3 inclusion proofs, as a pair: {@link #rootFromProof} computes the root a proof
 * leads to, {@link #verify} compares it with the root expected.
 *
 * <p>The algorithm is that of §2.1.3.2, with its loop over {@code fn} and {@code sn} unrolled by splitting the path
 * in two. Below level {@code inner} (the bit length of {@code index XOR (size-1)}) the leaf's path and the tree's
 * last leaf's path run apart, so every level has a sibling, on the side given by the index's bit at that level.
 * From {@code inner} up, the leaf sits on the right border of the tree, where only the levels at which the index
 * has a 1 bit have a sibling, always on the left. Knowing the two parts up front gives the exact path length, so a
 * path of the wrong length is refused before any hashing.
 */
public final class Inclusion {

    private Inclusion() {}

    /**
     * The number of hashes in the inclusion proof of leaf {@code index} in a tree of {@code size} leaves.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static int proofLength(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + size + " leaves");
        }
        int inner = innerLevels(index, size);
        return inner + Long.bitCount(index >>> inner);
    }

    /**
     * The root of the tree of {@code size} leaves, computed from the hash of leaf {@code index} and its audit path.
     * All inputs may come from outside.
     *
     * @param path the audit path, from the leaf's sibling upwards
     * @throws VerificationException unless {@code 0 <= index < size} and the path has exactly {@link
     *     #proofLength(long, long)} hashes
     */
    public static Digest rootFromProof(long index, long size, Digest leafHash, List<Digest> path)
            throws VerificationException {
        if (index < 0 || index >= size) {
            throw new VerificationException("leaf index " + index + " is not in a tree of " + size + " leaves");
        }
        int inner = innerLevels(index, size);
        int expected = inner + Long.bitCount(index >>> inner);
        if (path.size() != expected) {
            throw new VerificationException("inclusion proof for leaf " + index + " of " + size + " has "
                    + path.size() + " hashes, expected " + expected);
        }
        Digest node = leafHash;
        for (int level = 0; level < inner; level++) {
            Digest sibling = path.get(level);
            boolean isRightChild = ((index >>> level) & 1) == 1;
            node = isRightChild ? Rfc9162Hasher.hashChildren(sibling, node) : Rfc9162Hasher.hashChildren(node, sibling);
        }
        for (int i = inner; i < expected; i++) {
            node = Rfc9162Hasher.hashChildren(path.get(i), node);
        }
        return node;
    }

    /**
     * Checks that the audit path leads from the hash of leaf {@code index} to {@code expectedRoot}, the root of the
     * tree of {@code size} leaves. All inputs may come from outside.
     *
     * @throws RootMismatchException if the proof is well shaped but leads to another root
     * @throws VerificationException unless {@code 0 <= index < size} and the path has the right length
     */
    public static void verify(long index, long size, Digest leafHash, List<Digest> path, Digest expectedRoot)
            throws VerificationException {
        Digest computed = rootFromProof(index, size, leafHash, path);
        if (!computed.equals(expectedRoot)) {
            throw new RootMismatchException(
                    "inclusion proof for leaf " + index + " of " + size, expectedRoot, computed);
        }
    }

    /** The levels at which leaf {@code index} has a sibling on either side. Precondition: {@code 0 <= index < size}. */
    private static int innerLevels(long index, long size) {
        return Long.SIZE - Long.numberOfLeadingZeros(index ^ (size - 1));
    }
}
