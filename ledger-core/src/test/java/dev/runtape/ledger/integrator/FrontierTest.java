package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.merkle.InMemoryMerkleTree;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrontierTest {

    private static List<Digest> leafHashes(int count) {
        List<Digest> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(Rfc9162Hasher.hashLeaf(("statement " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    private static InMemoryMerkleTree treeOf(List<Digest> leaves) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        leaves.forEach(tree::append);
        return tree;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 8, 9, 12345, Long.MAX_VALUE})
    void theAddressesAreTheRightEdgeSubtreesLargestFirstOnePerOneBitOfTheSize(long size) {
        List<NodeAddress> addresses = Frontier.addresses(size);

        assertThat(addresses).hasSize(Long.bitCount(size));
        long covered = 0;
        for (NodeAddress address : addresses) {
            assertThat(address.index() << address.level()).as("start of " + address).isEqualTo(covered);
            covered = address.end();
        }
        assertThat(covered).isEqualTo(size);
    }

    @Test
    void theEmptyFrontierHasTheEmptyRootAndNoAddresses() {
        assertThat(Frontier.EMPTY.root()).isEqualTo(Rfc9162Hasher.emptyRoot());
        assertThat(Frontier.addresses(0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 64, 100, 257})
    void appendingInRandomChunksCompletesExactlyTheSubtreesOfTheInMemoryTreeWithTheSameHashes(int size) {
        List<Digest> leaves = leafHashes(size);
        InMemoryMerkleTree tree = treeOf(leaves);
        Random random = new Random(size);
        Frontier frontier = Frontier.EMPTY;
        List<TreeNode> nodes = new ArrayList<>();
        int done = 0;
        while (done < size) {
            int chunk = Math.min(size - done, 1 + random.nextInt(20));
            Frontier.Growth growth = frontier.append(leaves.subList(done, done + chunk));
            nodes.addAll(growth.nodes());
            frontier = growth.frontier();
            done += chunk;
            assertThat(frontier.root()).as("root at size " + done).isEqualTo(tree.root(done));
        }

        long expectedNodes = LongStream.range(0, size).map(i -> Long.numberOfTrailingZeros(~i)).sum();
        assertThat(nodes).hasSize((int) expectedNodes);
        for (TreeNode node : nodes) {
            assertThat(node.hash()).as(node.address().toString())
                    .isEqualTo(tree.node(node.address().level(), node.address().index()));
        }
        assertThat(frontier.size()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 31, 32, 33, 200})
    void aFrontierReadFromStoredSubtreesGrowsLikeOneGrownInMemory(int size) {
        List<Digest> leaves = leafHashes(size + 7);
        InMemoryMerkleTree tree = treeOf(leaves);

        Frontier read = Frontier.read(tree, size);
        Frontier.Growth grown = read.append(leaves.subList(size, size + 7));

        assertThat(read.root()).isEqualTo(tree.root(size));
        assertThat(grown.frontier().root()).isEqualTo(tree.root(size + 7));
        assertThat(grown.nodes()).allSatisfy(node -> assertThat(node.hash())
                .isEqualTo(tree.node(node.address().level(), node.address().index())));
    }

    @Test
    void appendingNothingChangesNothing() {
        Frontier frontier = Frontier.EMPTY.append(leafHashes(5)).frontier();

        Frontier.Growth growth = frontier.append(List.of());

        assertThat(growth.nodes()).isEmpty();
        assertThat(growth.frontier().size()).isEqualTo(5);
        assertThat(growth.frontier().root()).isEqualTo(frontier.root());
    }
}
