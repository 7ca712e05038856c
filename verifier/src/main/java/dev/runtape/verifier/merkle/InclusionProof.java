package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;

/**
 * An RFC 9162 §2.1.3 inclusion proof: the audit path of leaf {@code leafIndex} in the tree of the first {@code
 * treeSize} leaves, listed from the leaf's sibling up to the child of the root.
 *
 * <p>The constructor checks only what a builder of proofs could get wrong ({@code 0 <= leafIndex < treeSize}); the
 * length of the path is checked on verification, because a proof that was received may have any length.
 *
 * @param path immutable; a copy of the list given
 */
public record InclusionProof(long leafIndex, long treeSize, List<Digest> path) {

    /** @throws IllegalArgumentException unless {@code 0 <= leafIndex < treeSize} */
    public InclusionProof {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException(
                    "leaf index " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        path = List.copyOf(path);
    }

    /**
     * The root this proof leads to from {@code leafHash}: {@link Inclusion#rootFromProof}.
     *
     * @throws VerificationException if the path has the wrong length for this index and size
     */
    public Digest rootFrom(Digest leafHash) throws VerificationException {
        return Inclusion.rootFromProof(leafIndex, treeSize, leafHash, path);
    }

    /**
     * Checks that this proof leads from {@code leafHash} to {@code expectedRoot}: {@link Inclusion#verify}.
     *
     * @throws RootMismatchException if it leads to another root
     * @throws VerificationException if the path has the wrong length for this index and size
     */
    public void verify(Digest leafHash, Digest expectedRoot) throws VerificationException {
        Inclusion.verify(leafIndex, treeSize, leafHash, path, expectedRoot);
    }
}
