package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The fast tree, proofs and verifiers against the RFC's recursive definitions, on random trees. */
class MerklePropertiesTest {

    @Property(tries = 60)
    void rootsAndProofsAgreeWithTheRecursiveDefinitionsAndVerify(
            @ForAll @IntRange(min = 1, max = 3000) int size,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pickIndex,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pickSize1,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pickSize2) throws VerificationException {
        List<Digest> leaves = NaiveMerkle.leafHashes(size);
        InMemoryMerkleTree tree = NaiveMerkle.treeOf(size);
        int size2 = 1 + pickSize2 % size;
        int size1 = 1 + pickSize1 % size2;
        int index = pickIndex % size2;
        Digest root1 = NaiveMerkle.mth(leaves.subList(0, size1));
        Digest root2 = NaiveMerkle.mth(leaves.subList(0, size2));

        assertThat(tree.root()).isEqualTo(NaiveMerkle.mth(leaves));
        assertThat(tree.root(size1)).isEqualTo(root1);
        assertThat(tree.root(size2)).isEqualTo(root2);

        InclusionProof inclusion = ProofBuilder.inclusion(tree, index, size2);
        assertThat(inclusion.path()).isEqualTo(NaiveMerkle.path(index, leaves.subList(0, size2)));
        assertThat(inclusion.path()).hasSize(Inclusion.proofLength(index, size2));
        inclusion.verify(leaves.get(index), root2);

        ConsistencyProof consistency = ProofBuilder.consistency(tree, size1, size2);
        if (size1 < size2) {
            assertThat(consistency.path()).isEqualTo(NaiveMerkle.proof(size1, leaves.subList(0, size2)));
        } else {
            assertThat(consistency.path()).isEmpty();
        }
        assertThat(consistency.path()).hasSize(Consistency.proofLength(size1, size2));
        assertThat(consistency.newRootFrom(root1)).isEqualTo(root2);
        consistency.verify(root1, root2);
    }

    @Property(tries = 200)
    void everyInclusionProofOfASmallTreeVerifies(@ForAll @IntRange(min = 1, max = 300) int size) {
        List<Digest> leaves = NaiveMerkle.leafHashes(size);
        InMemoryMerkleTree tree = NaiveMerkle.treeOf(size);
        Digest root = NaiveMerkle.mth(leaves);
        for (int index = 0; index < size; index++) {
            Digest leaf = leaves.get(index);
            InclusionProof proof = ProofBuilder.inclusion(tree, index, size);
            try {
                proof.verify(leaf, root);
            } catch (VerificationException e) {
                throw new AssertionError("leaf " + index + " of " + size + ": " + e.getMessage(), e);
            }
        }
    }
}
