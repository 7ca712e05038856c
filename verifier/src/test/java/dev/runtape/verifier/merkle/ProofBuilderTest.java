package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofBuilderTest {

    private static final int MAX_SIZE = 40;
    private static final InMemoryMerkleTree TREE = NaiveMerkle.treeOf(MAX_SIZE);

    /**
     * A view of {@link #TREE} cut at {@code size} leaves that refuses any subtree reaching beyond it, as a storage
     * would refuse a node it has not written yet.
     */
    private record CutTree(long size, List<String> requests) implements NodeSource {
        @Override
        public Digest node(int level, long index) {
            requests.add(level + "/" + index);
            if ((index + 1) << level > size) {
                throw new AssertionError("asked for node " + level + "/" + index + " of a tree of " + size);
            }
            return TREE.node(level, index);
        }
    }

    @Test
    void proofsAskOnlyForCompleteSubtreesWithinTheLargerSize() {
        for (long size2 = 1; size2 <= MAX_SIZE; size2++) {
            CutTree source = new CutTree(size2, new ArrayList<>());
            assertThat(ProofBuilder.root(source, size2)).isEqualTo(TREE.root(size2));
            for (long index = 0; index < size2; index++) {
                assertThat(ProofBuilder.inclusion(source, index, size2))
                        .isEqualTo(ProofBuilder.inclusion(TREE, index, size2));
            }
            for (long size1 = 1; size1 <= size2; size1++) {
                assertThat(ProofBuilder.consistency(source, size1, size2))
                        .isEqualTo(ProofBuilder.consistency(TREE, size1, size2));
            }
        }
    }

    @Test
    void aProofReadsAtMostTwoNodesPerLevel() {
        // O(log n): one sibling per level, plus the complete subtrees of the one sibling that is not complete.
        for (long size2 = 1; size2 <= MAX_SIZE; size2++) {
            int levels = 64 - Long.numberOfLeadingZeros(size2);
            for (long index = 0; index < size2; index++) {
                CutTree source = new CutTree(size2, new ArrayList<>());
                ProofBuilder.inclusion(source, index, size2);
                assertThat(source.requests()).as("leaf %d of %d", index, size2).hasSizeLessThanOrEqualTo(2 * levels);
            }
            for (long size1 = 1; size1 <= size2; size1++) {
                CutTree source = new CutTree(size2, new ArrayList<>());
                ProofBuilder.consistency(source, size1, size2);
                assertThat(source.requests()).as("from %d to %d", size1, size2).hasSizeLessThanOrEqualTo(2 * levels);
            }
        }
    }

    @Test
    void theProofsOfTheRfcExampleHaveTheHashesItLists() {
        // RFC 9162 §2.1.5: seven leaves d0..d6 with leaf hashes a..f and j; g = (a, b), h = (c, d), i = (e, f),
        // k = (g, h), l = (i, j).
        InMemoryMerkleTree tree = NaiveMerkle.treeOf(7);
        Digest b = tree.node(0, 1);
        Digest c = tree.node(0, 2);
        Digest d = tree.node(0, 3);
        Digest f = tree.node(0, 5);
        Digest j = tree.node(0, 6);
        Digest g = tree.node(1, 0);
        Digest h = tree.node(1, 1);
        Digest i = tree.node(1, 2);
        Digest k = tree.node(2, 0);
        Digest l = Rfc9162Hasher.hashChildren(i, j);

        assertThat(ProofBuilder.inclusion(tree, 0, 7).path()).containsExactly(b, h, l);
        assertThat(ProofBuilder.inclusion(tree, 3, 7).path()).containsExactly(c, g, l);
        assertThat(ProofBuilder.inclusion(tree, 4, 7).path()).containsExactly(f, j, k);
        assertThat(ProofBuilder.inclusion(tree, 6, 7).path()).containsExactly(i, k);
        assertThat(ProofBuilder.consistency(tree, 3, 7).path()).containsExactly(c, d, g, l);
        assertThat(ProofBuilder.consistency(tree, 4, 7).path()).containsExactly(l);
        assertThat(ProofBuilder.consistency(tree, 6, 7).path()).containsExactly(i, j, k);
    }

    @Test
    void argumentsOutsideTheTreeAreProgrammerErrors() {
        assertThatThrownBy(() -> ProofBuilder.root(TREE, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofBuilder.inclusion(TREE, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofBuilder.inclusion(TREE, -1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofBuilder.consistency(TREE, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofBuilder.consistency(TREE, 4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofRecordsRefuseImpossibleSizesAndKeepTheirOwnCopyOfThePath() {
        assertThatThrownBy(() -> new InclusionProof(3, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf index 3 is not in a tree of 3 leaves");
        assertThatThrownBy(() -> new ConsistencyProof(0, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a consistency proof needs 1 <= size1 <= size2, got size1 0 and size2 3");
        assertThatThrownBy(() -> new ConsistencyProof(4, 3, List.of())).isInstanceOf(IllegalArgumentException.class);

        List<Digest> path = new ArrayList<>(List.of(TREE.node(0, 1)));
        InclusionProof proof = new InclusionProof(0, 2, path);
        path.clear();
        assertThat(proof.path()).hasSize(1);
        assertThatThrownBy(() -> proof.path().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
