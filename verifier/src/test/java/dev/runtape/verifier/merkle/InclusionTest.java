package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionTest {

    private static final InMemoryMerkleTree TREE = NaiveMerkle.treeOf(8);

    @Test
    void aProofOfTheWrongLengthSaysHowManyHashesItHasAndHowManyItNeeds() {
        List<Digest> path = ProofBuilder.inclusion(TREE, 3, 8).path();

        assertThatThrownBy(() -> Inclusion.rootFromProof(3, 8, TREE.node(0, 3), path.subList(0, 2)))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("inclusion proof for leaf 3 of 8 has 2 hashes, expected 3");
    }

    @Test
    void aLeafOutsideTheTreeIsRejected() {
        Digest leaf = TREE.node(0, 0);

        assertThatThrownBy(() -> Inclusion.rootFromProof(8, 8, leaf, List.of()))
                .isInstanceOf(VerificationException.class)
                .hasMessage("leaf index 8 is not in a tree of 8 leaves");
        assertThatThrownBy(() -> Inclusion.rootFromProof(-1, 8, leaf, List.of()))
                .isInstanceOf(VerificationException.class)
                .hasMessage("leaf index -1 is not in a tree of 8 leaves");
        assertThatThrownBy(() -> Inclusion.rootFromProof(0, 0, leaf, List.of()))
                .isInstanceOf(VerificationException.class)
                .hasMessage("leaf index 0 is not in a tree of 0 leaves");
    }

    @Test
    void theOnlyLeafOfATreeIsItsRootAndNeedsNoProof() throws VerificationException {
        Digest leaf = TREE.node(0, 0);

        assertThat(Inclusion.rootFromProof(0, 1, leaf, List.of())).isEqualTo(leaf);
        assertThat(Inclusion.proofLength(0, 1)).isZero();
    }

    @Test
    void aRootMismatchNamesBothRootsInHex() {
        List<Digest> path = ProofBuilder.inclusion(TREE, 5, 8).path();
        Digest computed = TREE.root(8);
        Digest expected = TREE.root(7);

        assertThatThrownBy(() -> Inclusion.verify(5, 8, TREE.node(0, 5), path, expected))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.computed()).isEqualTo(computed);
                })
                .hasMessage("inclusion proof for leaf 5 of 8 leads to root " + computed.hex() + ", expected "
                        + expected.hex());
    }

    @Test
    void proofLengthIsTheInnerPathPlusOneHashPerLeftSiblingOnTheBorder() {
        assertThat(Inclusion.proofLength(0, 8)).isEqualTo(3);
        assertThat(Inclusion.proofLength(6, 7)).isEqualTo(2);
        assertThat(Inclusion.proofLength(4, 5)).isEqualTo(1);
        assertThat(Inclusion.proofLength(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isEqualTo(62);
        assertThat(Inclusion.proofLength(0, Long.MAX_VALUE)).isEqualTo(63);
        assertThatThrownBy(() -> Inclusion.proofLength(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestTreesAreVerifiedWithoutOverflow() {
        Digest leaf = TREE.node(0, 0);
        List<Digest> path = Collections.nCopies(62, TREE.node(0, 1));

        assertThatCode(() -> Inclusion.rootFromProof(Long.MAX_VALUE - 1, Long.MAX_VALUE, leaf, path))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Inclusion.rootFromProof(Long.MAX_VALUE, Long.MAX_VALUE, leaf, path))
                .isInstanceOf(VerificationException.class);
    }
}
