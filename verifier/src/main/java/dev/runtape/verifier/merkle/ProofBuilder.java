package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Roots and proofs of RFC 9162 §2.1 computed from the complete subtrees of a {@link NodeSource}: MTH (§2.1.1),
 * PATH (§2.1.3.1) and PROOF/SUBPROOF (§2.1.4.1).
 *
 * <p>The RFC defines these recursively over ranges of leaves {@code D[begin:end]}. Every range the recursion
 * visits starts at a multiple of the smallest power of two not below its length, so its hash is the hash of at
 * most 63 complete subtrees, largest first, folded from the right. Only one range per proof is not itself a
 * complete subtree (once the recursion steps into a complete subtree it stays there), so a proof costs O(log n)
 * node reads and hashes.
 */
public final class ProofBuilder {

    private ProofBuilder() {}

    /**
     * MTH(D[0:size]), the root of the tree of the first {@code size} leaves.
     *
     * @throws IllegalArgumentException if {@code size < 0}
     */
    public static Digest root(NodeSource source, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " is negative");
        }
        return size == 0 ? Rfc9162Hasher.emptyRoot() : rangeHash(source, 0, size);
    }

    /**
     * PATH(index, D[0:size]), the inclusion proof of leaf {@code index} in the tree of the first {@code size}
     * leaves. Precondition: the source holds at least {@code size} leaves.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static InclusionProof inclusion(NodeSource source, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of " + size + " leaves");
        }
        // The recursion goes top-down; the proof lists siblings bottom-up.
        List<Digest> topDown = new ArrayList<>();
        long begin = 0;
        long end = size;
        while (end - begin > 1) {
            long split = begin + Long.highestOneBit(end - begin - 1);
            if (index < split) {
                topDown.add(rangeHash(source, split, end));
                end = split;
            } else {
                topDown.add(rangeHash(source, begin, split));
                begin = split;
            }
        }
        Collections.reverse(topDown);
        return new InclusionProof(index, size, topDown);
    }

    /**
     * PROOF(size1, D[0:size2]), the consistency proof from the tree of the first {@code size1} leaves to the tree of
     * the first {@code size2}; empty when they are equal. Precondition: the source holds at least {@code size2}
     * leaves.
     *
     * @throws IllegalArgumentException unless {@code 1 <= size1 <= size2}
     */
    public static ConsistencyProof consistency(NodeSource source, long size1, long size2) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 1 <= size1 <= size2, got size1 " + size1 + " and size2 " + size2);
        }
        List<Digest> topDown = new ArrayList<>();
        long begin = 0;
        long end = size2;
        // SUBPROOF's flag b: whether D[begin:end] still starts at leaf 0, so that the verifier knows its hash when
        // it is the old tree (root1) and the proof can leave it out.
        boolean startsAtZero = true;
        while (size1 != end) {
            long split = begin + Long.highestOneBit(end - begin - 1);
            if (size1 <= split) {
                topDown.add(rangeHash(source, split, end));
                end = split;
            } else {
                topDown.add(rangeHash(source, begin, split));
                begin = split;
                startsAtZero = false;
            }
        }
        if (!startsAtZero) {
            topDown.add(rangeHash(source, begin, end));
        }
        Collections.reverse(topDown);
        return new ConsistencyProof(size1, size2, topDown);
    }

    /**
     * MTH(D[begin:end]). Preconditions: {@code begin < end}, and {@code begin} is a multiple of the largest power of
     * two not above {@code end - begin}, so that the range splits into complete subtrees of decreasing size.
     */
    private static Digest rangeHash(NodeSource source, long begin, long end) {
        long length = end - begin;
        Digest[] subtrees = new Digest[Long.bitCount(length)];
        int count = 0;
        long offset = begin;
        for (int level = Long.SIZE - 1 - Long.numberOfLeadingZeros(length); level >= 0; level--) {
            if (((length >>> level) & 1) == 1) {
                subtrees[count++] = source.node(level, offset >>> level);
                offset += 1L << level;
            }
        }
        // MTH splits off the largest power of two on the left and recurses on the rest: a fold from the right.
        Digest hash = subtrees[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            hash = Rfc9162Hasher.hashChildren(subtrees[i], hash);
        }
        return hash;
    }
}
