package dev.runtape.verifier.merkle;

import dev.runtape.verifier.Digest;

/**
 * Read access to the complete subtrees of one append-only Merkle tree: what a storage offers so that {@link
 * ProofBuilder} can compute roots and proofs from it.
 *
 * <p>A complete subtree is addressed by its level (0 for leaves) and its index within the level: node {@code (level,
 * index)} covers the leaves {@code [index·2^level, (index+1)·2^level)}. Because the tree only grows, such a node never
 * changes once its last leaf exists, so a storage can compute it once and keep it. Callers ask only for nodes whose
 * leaves all exist; {@link ProofBuilder} never asks for anything else.
 */
public interface NodeSource {

    /**
     * The hash of the complete subtree {@code (level, index)}; at level 0, the leaf hash of leaf {@code index}.
     *
     * <p>Preconditions: {@code 0 <= level <= 62}, {@code index >= 0}, and all leaves of the subtree exist. An
     * implementation may throw {@link IllegalArgumentException} when they do not hold.
     */
    Digest node(int level, long index);
}
