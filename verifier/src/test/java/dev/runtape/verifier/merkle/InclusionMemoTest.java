package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InclusionMemoTest {

    private static final int SIZE = 77;
    private static final InMemoryMerkleTree TREE = NaiveMerkle.treeOf(SIZE);

    @Test
    void consecutiveProofsLeadToTheRootsInclusionComputes() throws VerificationException {
        InclusionMemo memo = new InclusionMemo();
        for (int index = 0; index < SIZE; index++) {
            List<Digest> path = ProofBuilder.inclusion(TREE, index, SIZE).path();
            Digest leaf = TREE.node(0, index);

            assertThat(memo.rootFrom(index, SIZE, leaf, path)).isEqualTo(ProofBuilder.root(TREE, SIZE));
        }
    }

    @Test
    void consecutiveProofsHashEachInnerNodeOfTheirSubtreeOnce() throws VerificationException {
        // 77 leaves have 76 inner nodes, and the first proof hashes its whole path; the paths hold over five times
        // as many hashes, which a memo that took only the last proof's upper nodes would mostly hash.
        InclusionMemo memo = new InclusionMemo();
        long paths = 0;
        for (int index = 0; index < SIZE; index++) {
            List<Digest> path = ProofBuilder.inclusion(TREE, index, SIZE).path();
            paths += path.size();
            memo.rootFrom(index, SIZE, TREE.node(0, index), path);
        }
        assertThat(memo.hashed()).isLessThanOrEqualTo(SIZE - 1 + ProofBuilder.inclusion(TREE, 0, SIZE).path().size());
        assertThat(paths).isGreaterThan(5L * SIZE);
    }

    @Test
    void aProofWithOneHashChangedGetsTheRootInclusionComputesFromIt() throws VerificationException {
        // After each good proof, the next leaf's proof with each one of its hashes changed (the memo has the good
        // hashes of the upper levels, which the changed proof must not borrow), and the leaf itself changed.
        InclusionMemo memo = new InclusionMemo();
        for (int index = 1; index < SIZE; index++) {
            memo.rootFrom(index - 1, SIZE, TREE.node(0, index - 1), ProofBuilder.inclusion(TREE, index - 1, SIZE).path());
            List<Digest> path = ProofBuilder.inclusion(TREE, index, SIZE).path();
            for (int changed = 0; changed <= path.size(); changed++) {
                List<Digest> altered = new ArrayList<>(path);
                Digest leaf = TREE.node(0, index);
                if (changed < path.size()) {
                    altered.set(changed, Digest.sha256(path.get(changed).bytes()));
                } else {
                    leaf = Digest.sha256(leaf.bytes());
                }

                Digest expected = Inclusion.rootFromProof(index, SIZE, leaf, altered);
                assertThat(memo.rootFrom(index, SIZE, leaf, altered)).isEqualTo(expected)
                        .isNotEqualTo(ProofBuilder.root(TREE, SIZE));
            }
        }
    }

    @Test
    void proofsInAnyOrderAndOfOtherTreesLeadToTheRootsInclusionComputes() throws VerificationException {
        InclusionMemo memo = new InclusionMemo();
        Random random = new Random(9162);
        for (int i = 0; i < 2_000; i++) {
            int size = 1 + random.nextInt(SIZE);
            int index = random.nextInt(size);
            List<Digest> path = ProofBuilder.inclusion(TREE, index, size).path();
            Digest leaf = TREE.node(0, random.nextInt(8) == 0 ? random.nextInt(SIZE) : index);

            assertThat(memo.rootFrom(index, size, leaf, path)).isEqualTo(Inclusion.rootFromProof(index, size, leaf, path));
        }
    }

    @Test
    void aPathOfTheWrongLengthIsRefusedAsInclusionRefusesIt() throws VerificationException {
        InclusionMemo memo = new InclusionMemo();
        List<Digest> path = ProofBuilder.inclusion(TREE, 3, SIZE).path();
        memo.rootFrom(3, SIZE, TREE.node(0, 3), path);

        assertThatThrownBy(() -> memo.rootFrom(3, SIZE, TREE.node(0, 3), path.subList(1, path.size())))
                .isExactlyInstanceOf(VerificationException.class)
                .hasMessage("inclusion proof for leaf 3 of 77 has " + (path.size() - 1) + " hashes, expected "
                        + path.size());
        assertThatThrownBy(() -> memo.rootFrom(SIZE, SIZE, TREE.node(0, 3), path))
                .hasMessage("leaf index 77 is not in a tree of 77 leaves");
    }

    @Test
    void pathsReadWhereTheyLieMixWithPathsOfDigests() throws VerificationException {
        // Every proof's path laid out in one array, as a receipt carries it, alternating with the same path as
        // digests, and one hash changed in every fifth: the memo compares the two kinds by their bytes.
        InclusionMemo memo = new InclusionMemo();
        Random random = new Random(6962);
        for (int index = 0; index < SIZE; index++) {
            List<Digest> path = new ArrayList<>(ProofBuilder.inclusion(TREE, index, SIZE).path());
            if (index % 5 == 4) {
                int changed = random.nextInt(path.size());
                path.set(changed, Digest.sha256(path.get(changed).bytes()));
            }
            List<Digest> laidOut = index % 2 == 0 ? laidOut(path, random) : path;
            Digest leaf = TREE.node(0, index);

            assertThat(laidOut).isEqualTo(path);
            assertThat(memo.rootFrom(index, SIZE, leaf, laidOut)).isEqualTo(Inclusion.rootFromProof(index, SIZE, leaf,
                    path));
        }
    }

    @Test
    void aLaidOutPathRefusesOffsetsOutsideItsBytes() {
        assertThatThrownBy(() -> new PathHashes(new byte[40], new int[] {0, 9}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The path's hashes in one array, each after a few bytes of something else. */
    private static PathHashes laidOut(List<Digest> path, Random random) {
        byte[] bytes = new byte[path.size() * (Digest.LENGTH + 3) + 5];
        random.nextBytes(bytes);
        int[] offsets = new int[path.size()];
        for (int i = 0; i < path.size(); i++) {
            offsets[i] = 2 + i * (Digest.LENGTH + 3);
            System.arraycopy(path.get(i).bytes(), 0, bytes, offsets[i], Digest.LENGTH);
        }
        return new PathHashes(bytes, offsets);
    }
}
