package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryMerkleTreeTest {

    @Test
    void anEmptyTreeHasTheHashOfTheEmptyStringAsRoot() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();

        assertThat(tree.size()).isZero();
        assertThat(tree.root()).isEqualTo(Digest.sha256(new byte[0]));
        assertThat(tree.root().hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void appendingReturnsTheIndexOfTheNewLeaf() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();

        assertThat(tree.appendLeaf(new byte[0])).isZero();
        assertThat(tree.append(Rfc9162Hasher.hashLeaf(new byte[] {1}))).isEqualTo(1);
        assertThat(tree.size()).isEqualTo(2);
        assertThat(tree.node(0, 1)).isEqualTo(Rfc9162Hasher.hashLeaf(new byte[] {1}));
    }

    @Test
    void aCompleteSubtreeIsTheHashOfItsTwoHalves() {
        InMemoryMerkleTree tree = NaiveMerkle.treeOf(4);

        assertThat(tree.node(1, 1)).isEqualTo(Rfc9162Hasher.hashChildren(tree.node(0, 2), tree.node(0, 3)));
        assertThat(tree.node(2, 0)).isEqualTo(Rfc9162Hasher.hashChildren(tree.node(1, 0), tree.node(1, 1)));
        assertThat(tree.node(2, 0)).isEqualTo(tree.root());
    }

    @Test
    void aSubtreeThatIsNotCompleteYetIsRefused() {
        InMemoryMerkleTree tree = NaiveMerkle.treeOf(3);

        assertThatThrownBy(() -> tree.node(1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no complete subtree at level 1, index 1 in a tree of 3 leaves");
        assertThatThrownBy(() -> tree.node(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.node(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRootOfASizeBeyondTheLeavesHeldIsRefused() {
        InMemoryMerkleTree tree = NaiveMerkle.treeOf(3);

        assertThatThrownBy(() -> tree.root(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tree size 4 is beyond the 3 leaves held");
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRootOfAnEarlierSizeStaysWhatItWas() {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        List<Digest> roots = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            roots.add(tree.root());
            tree.appendLeaf(NaiveMerkle.leafData(i));
        }
        for (int size = 0; size < 20; size++) {
            assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(roots.get(size));
        }
    }
}
