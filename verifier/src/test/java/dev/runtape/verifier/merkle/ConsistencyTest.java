package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    private static final InMemoryMerkleTree TREE = NaiveMerkle.treeOf(8);

    @Test
    void theNewRootIsComputedFromTheOldRootAndTheProof() throws VerificationException {
        List<Digest> path = ProofBuilder.consistency(TREE, 3, 7).path();

        assertThat(Consistency.newRootFromProof(3, 7, TREE.root(3), path)).isEqualTo(TREE.root(7));
    }

    @Test
    void anOldSizeAboveTheNewSizeIsRejected() {
        assertThatThrownBy(() -> Consistency.verify(2, 1, TREE.root(2), TREE.root(1), List.of()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("a consistency proof from size 2 to the smaller size 1 is impossible");
    }

    @Test
    void aProofFromTheEmptyTreeIsRejectedEvenToTheEmptyTree() {
        Digest empty = Rfc9162Hasher.emptyRoot();

        assertThatThrownBy(() -> Consistency.verify(0, 0, empty, empty, List.of()))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("a consistency proof from size 0 proves nothing: every tree extends the empty tree");
        assertThatThrownBy(() -> Consistency.verify(0, 1, empty, TREE.root(1), List.of()))
                .isExactlyInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> Consistency.verify(0, 1, empty, TREE.root(1), List.of(TREE.node(0, 0))))
                .isExactlyInstanceOf(VerificationException.class);
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() throws VerificationException {
        Consistency.verify(5, 5, TREE.root(5), TREE.root(5), List.of());

        assertThatThrownBy(() -> Consistency.verify(5, 5, TREE.root(5), TREE.root(5), List.of(TREE.root(5))))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("consistency proof from size 5 to 5 has 1 hashes, expected 0");
        assertThatThrownBy(() -> Consistency.verify(5, 5, TREE.root(5), TREE.root(6), List.of()))
                .isInstanceOf(RootMismatchException.class);
    }

    @Test
    void aProofOfTheWrongLengthSaysHowManyHashesItHasAndHowManyItNeeds() {
        List<Digest> path = ProofBuilder.consistency(TREE, 3, 8).path();

        assertThat(path).hasSize(4);
        assertThatThrownBy(() -> Consistency.verify(3, 8, TREE.root(3), TREE.root(8), path.subList(0, 2)))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("consistency proof from size 3 to 8 has 2 hashes, expected 4");
    }

    @Test
    void aProofThatDoesNotReproduceTheOldRootNamesBothOldRoots() {
        List<Digest> path = ProofBuilder.consistency(TREE, 3, 8).path();
        Digest wrongOldRoot = TREE.root(2);

        assertThatThrownBy(() -> Consistency.verify(3, 8, wrongOldRoot, TREE.root(8), path))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(wrongOldRoot);
                    assertThat(e.computed()).isEqualTo(TREE.root(3));
                })
                .hasMessage("consistency proof from size 3 to 8 (old tree) leads to root " + TREE.root(3).hex()
                        + ", expected " + wrongOldRoot.hex());
    }

    @Test
    void aProofThatLeadsToAnotherNewRootNamesBothNewRoots() {
        List<Digest> path = ProofBuilder.consistency(TREE, 4, 8).path();
        Digest wrongNewRoot = TREE.root(7);

        assertThatThrownBy(() -> Consistency.verify(4, 8, TREE.root(4), wrongNewRoot, path))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(wrongNewRoot);
                    assertThat(e.computed()).isEqualTo(TREE.root(8));
                })
                .hasMessageContaining(TREE.root(8).hex())
                .hasMessageContaining(wrongNewRoot.hex());
    }

    @Test
    void aPowerOfTwoOldSizeLeavesItsRootOutOfTheProof() {
        assertThat(ProofBuilder.consistency(TREE, 4, 8).path()).containsExactly(TREE.node(2, 1));
        assertThat(Consistency.proofLength(4, 8)).isEqualTo(1);
        assertThat(Consistency.proofLength(3, 8)).isEqualTo(4);
        assertThat(Consistency.proofLength(8, 8)).isZero();
        assertThatThrownBy(() -> Consistency.proofLength(0, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
