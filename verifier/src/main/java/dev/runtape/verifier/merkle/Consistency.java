package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;

/**
 * Verification of RFC 9162 §2.1.4 consistency proofs, as a pair: {@link #newRootFromProof} checks the proof against
 * the old root and computes the new root, {@link #verify} compares that with the new root expected.
 *
 * <p>The algorithm is that of §2.1.4.2 with its loop unrolled as in {@link Inclusion}. The proof is an inclusion
 * proof, in the new tree, of the largest complete subtree that ends at {@code size1}: that subtree is at level
 * {@code start} (the trailing zero bits of {@code size1}) and is the first hash of the proof, or {@code root1}
 * itself, left out of the proof, when {@code size1} is a power of two. Every left sibling on its path is also part
 * of the old tree, so the same hashes rebuild {@code root1} and the new root at once.
 *
 * <p>Edge cases, as transparency-dev/merkle treats them: {@code size1 > size2} is an error; {@code size1 == size2}
 * needs an empty proof and equal roots; {@code size1 == 0} is always an error, even for 0 to 0, because the empty
 * tree is a prefix of every tree and there is nothing to prove (compare {@code root1} with {@link
 * Rfc9162Hasher#emptyRoot()} instead).
 */
public final class Consistency {

    private Consistency() {}

    /**
     * The number of hashes in the consistency proof from {@code size1} leaves to {@code size2} leaves.
     *
     * @throws IllegalArgumentException unless {@code 1 <= size1 <= size2}
     */
    public static int proofLength(long size1, long size2) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 1 <= size1 <= size2, got size1 " + size1 + " and size2 " + size2);
        }
        if (size1 == size2) {
            return 0;
        }
        int start = Long.numberOfTrailingZeros(size1);
        int inner = innerLevels(size1, size2);
        int seed = isPowerOfTwo(size1) ? 0 : 1;
        return seed + (inner - start) + Long.bitCount((size1 - 1) >>> inner);
    }

    /**
     * The root of the tree of {@code size2} leaves, computed from the proof after checking that the same proof
     * reproduces {@code root1}, the root of the tree of {@code size1} leaves. All inputs may come from outside.
     * When the sizes are equal the proof must be empty and the result is {@code root1}.
     *
     * @param path the consistency proof, as §2.1.4.1 lists it
     * @throws RootMismatchException if the proof is well shaped but does not reproduce {@code root1}
     * @throws VerificationException unless {@code 1 <= size1 <= size2} and the path has exactly {@link
     *     #proofLength(long, long)} hashes
     */
    public static Digest newRootFromProof(long size1, long size2, Digest root1, List<Digest> path)
            throws VerificationException {
        if (size1 < 1) {
            throw new VerificationException("a consistency proof from size " + size1
                    + " proves nothing: every tree extends the empty tree");
        }
        if (size1 > size2) {
            throw new VerificationException(
                    "a consistency proof from size " + size1 + " to the smaller size " + size2 + " is impossible");
        }
        int expected = proofLength(size1, size2);
        if (path.size() != expected) {
            throw new VerificationException("consistency proof from size " + size1 + " to " + size2 + " has "
                    + path.size() + " hashes, expected " + expected);
        }
        if (size1 == size2) {
            return root1;
        }
        long last1 = size1 - 1;
        int start = Long.numberOfTrailingZeros(size1);
        int inner = innerLevels(size1, size2);
        int next = 0;
        Digest seed = isPowerOfTwo(size1) ? root1 : path.get(next++);
        Digest oldRoot = seed;
        Digest newRoot = seed;
        for (int level = start; level < inner; level++) {
            Digest sibling = path.get(next++);
            if (((last1 >>> level) & 1) == 1) {
                oldRoot = Rfc9162Hasher.hashChildren(sibling, oldRoot);
                newRoot = Rfc9162Hasher.hashChildren(sibling, newRoot);
            } else {
                // A right sibling holds only leaves added after size1: it belongs to the new tree alone.
                newRoot = Rfc9162Hasher.hashChildren(newRoot, sibling);
            }
        }
        while (next < expected) {
            Digest sibling = path.get(next++);
            oldRoot = Rfc9162Hasher.hashChildren(sibling, oldRoot);
            newRoot = Rfc9162Hasher.hashChildren(sibling, newRoot);
        }
        if (!oldRoot.equals(root1)) {
            throw new RootMismatchException(
                    "consistency proof from size " + size1 + " to " + size2 + " (old tree)", root1, oldRoot);
        }
        return newRoot;
    }

    /**
     * Checks that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree of {@code size2}
     * leaves with root {@code root2}. All inputs may come from outside.
     *
     * @throws RootMismatchException if the proof is well shaped but leads to another old or new root
     * @throws VerificationException unless {@code 1 <= size1 <= size2} and the path has the right length
     */
    public static void verify(long size1, long size2, Digest root1, Digest root2, List<Digest> path)
            throws VerificationException {
        Digest computed = newRootFromProof(size1, size2, root1, path);
        if (!computed.equals(root2)) {
            throw new RootMismatchException(
                    "consistency proof from size " + size1 + " to " + size2 + " (new tree)", root2, computed);
        }
    }

    /**
     * The levels below which the paths of the last old leaf and the last new leaf run apart. Precondition: {@code 1
     * <= size1 < size2}; then it is above {@code start}, because {@code size1 - 1} ends in {@code start} one bits.
     */
    private static int innerLevels(long size1, long size2) {
        return Long.SIZE - Long.numberOfLeadingZeros((size1 - 1) ^ (size2 - 1));
    }

    private static boolean isPowerOfTwo(long size) {
        return (size & (size - 1)) == 0;
    }
}
