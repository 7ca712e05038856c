package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The eight-leaf reference tree of RFC 6962 / RFC 9162 (from transparency-dev/merkle), read from the shared vectors. */
class ReferenceTreeTest {

    private static final Path REFERENCE = Path.of(System.getProperty("runtape.shared.dir"),
            "vectors", "merkle", "rfc6962-reference-tree.json");

    private static List<byte[]> leafInputs = List.of();
    private static List<List<Digest>> nodeHashes = List.of();
    private static List<Digest> roots = List.of();
    private static InMemoryMerkleTree tree = new InMemoryMerkleTree();

    @BeforeAll
    static void readReferenceTree() throws IOException, FormatException {
        JsonNode json = new ObjectMapper().readTree(REFERENCE.toFile());
        List<byte[]> inputs = new ArrayList<>();
        for (JsonNode hex : json.path("leafInputsHex")) {
            inputs.add(HexFormat.of().parseHex(hex.asText()));
        }
        List<List<Digest>> levels = new ArrayList<>();
        for (JsonNode level : json.path("nodeHashesByLevel")) {
            levels.add(digests(level));
        }
        leafInputs = inputs;
        nodeHashes = levels;
        roots = digests(json.path("rootHashesBySize"));
        tree = new InMemoryMerkleTree();
        leafInputs.forEach(tree::appendLeaf);
    }

    @Test
    void theReferenceTreeHasEightLeavesAndNineRoots() {
        assertThat(leafInputs).hasSize(8);
        assertThat(nodeHashes).extracting(List::size).containsExactly(8, 4, 2, 1);
        assertThat(roots).hasSize(9);
    }

    @Test
    void leafHashesPrefixTheLeafWithAZeroByte() {
        for (int i = 0; i < leafInputs.size(); i++) {
            assertThat(Rfc9162Hasher.hashLeaf(leafInputs.get(i))).as("leaf %d", i).isEqualTo(nodeHashes.get(0).get(i));
        }
    }

    @Test
    void everyCompleteSubtreeHasTheReferenceHash() {
        for (int level = 0; level < nodeHashes.size(); level++) {
            for (int index = 0; index < nodeHashes.get(level).size(); index++) {
                assertThat(tree.node(level, index))
                        .as("node at level %d, index %d", level, index)
                        .isEqualTo(nodeHashes.get(level).get(index));
            }
        }
    }

    @Test
    void theRootOfEverySizeIsTheReferenceRoot() {
        assertThat(roots.get(0)).isEqualTo(Rfc9162Hasher.emptyRoot());
        InMemoryMerkleTree growing = new InMemoryMerkleTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(tree.root(size)).as("root of the first %d leaves", size).isEqualTo(roots.get(size));
            assertThat(growing.root()).as("root of a tree of %d leaves", size).isEqualTo(roots.get(size));
            if (size < 8) {
                growing.appendLeaf(leafInputs.get(size));
            }
        }
    }

    @Test
    void everyInclusionProofLeadsToTheReferenceRoot() {
        for (int size = 1; size <= 8; size++) {
            for (int index = 0; index < size; index++) {
                InclusionProof proof = ProofBuilder.inclusion(tree, index, size);
                Digest leafHash = nodeHashes.get(0).get(index);
                Digest root = roots.get(size);
                assertThatCode(() -> proof.verify(leafHash, root))
                        .as("leaf %d of %d", proof.leafIndex(), proof.treeSize())
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyConsistencyProofLinksTheReferenceRoots() {
        for (int size2 = 1; size2 <= 8; size2++) {
            for (int size1 = 1; size1 <= size2; size1++) {
                ConsistencyProof proof = ProofBuilder.consistency(tree, size1, size2);
                Digest root1 = roots.get(size1);
                Digest root2 = roots.get(size2);
                assertThatCode(() -> proof.verify(root1, root2))
                        .as("from %d to %d", proof.size1(), proof.size2())
                        .doesNotThrowAnyException();
            }
        }
    }

    private static List<Digest> digests(JsonNode hexes) throws FormatException {
        List<Digest> digests = new ArrayList<>();
        for (JsonNode hex : hexes) {
            digests.add(Digest.ofHex(hex.asText()));
        }
        return digests;
    }
}
