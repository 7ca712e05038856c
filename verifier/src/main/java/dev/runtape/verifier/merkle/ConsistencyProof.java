package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;

/**
 * An RFC 9162 §2.1.4 consistency proof: the hashes that show the tree of {@code size1} leaves to be a prefix of the
 * tree of {@code size2} leaves. Empty when the sizes are equal.
 *
 * <p>The constructor checks only what a builder of proofs could get wrong ({@code 1 <= size1 <= size2}: nothing is
 * proved from the empty tree, see {@link Consistency}); the length of the path is checked on verification, because
 * a proof that was received may have any length.
 *
 * @param path immutable; a copy of the list given
 */
public record ConsistencyProof(long size1, long size2, List<Digest> path) {

    /** @throws IllegalArgumentException unless {@code 1 <= size1 <= size2} */
    public ConsistencyProof {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException(
                    "a consistency proof needs 1 <= size1 <= size2, got size1 " + size1 + " and size2 " + size2);
        }
        path = List.copyOf(path);
    }

    /**
     * The root of the tree of {@code size2} leaves, after checking that the proof reproduces {@code root1}: {@link
     * Consistency#newRootFromProof}.
     *
     * @throws RootMismatchException if the proof does not reproduce {@code root1}
     * @throws VerificationException if the path has the wrong length for these sizes
     */
    public Digest newRootFrom(Digest root1) throws VerificationException {
        return Consistency.newRootFromProof(size1, size2, root1, path);
    }

    /**
     * Checks that the tree with root {@code root1} is a prefix of the tree with root {@code root2}: {@link
     * Consistency#verify}.
     *
     * @throws RootMismatchException if the proof leads to another old or new root
     * @throws VerificationException if the path has the wrong length for these sizes
     */
    public void verify(Digest root1, Digest root2) throws VerificationException {
        Consistency.verify(size1, size2, root1, root2, path);
    }
}
