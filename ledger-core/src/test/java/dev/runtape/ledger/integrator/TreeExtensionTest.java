package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeExtensionTest {

    private static TreeLeaf leaf(long index, long position) {
        return new TreeLeaf(index, position, Digest.ZERO);
    }

    @Test
    void anExtensionKnowsItsEndAndPositions() {
        TreeExtension extension = new TreeExtension(3, List.of(leaf(3, 10), leaf(4, 12)),
                List.of(TreeNode.of(1, 1, Digest.ZERO), TreeNode.of(2, 0, Digest.ZERO)));

        assertThat(extension.toSize()).isEqualTo(5);
        assertThat(extension.firstPosition()).isEqualTo(10);
        assertThat(extension.stateAfter()).isEqualTo(new TreeState(5, 12));
    }

    @Test
    void leafIndexesMustFollowTheSizeWithoutGap() {
        assertThatThrownBy(() -> new TreeExtension(3, List.of(leaf(3, 10), leaf(5, 11)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaf 1 of an extension from size 3 must have index 4, not 5");
    }

    @Test
    void logPositionsMustRise() {
        assertThatThrownBy(() -> new TreeExtension(0, List.of(leaf(0, 4), leaf(1, 4)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("log positions must rise: leaf 1 is at position 4 after position 4");
    }

    @Test
    void aNodeMustBeCompletedByTheExtension() {
        assertThatThrownBy(() -> new TreeExtension(4, List.of(leaf(4, 5)), List.of(TreeNode.of(2, 0, Digest.ZERO))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node NodeAddress[level=2, index=0] is complete at size 4, outside the extension from "
                        + "size 4 to 5");
    }

    @Test
    void anExtensionNeedsALeaf() {
        assertThatThrownBy(() -> new TreeExtension(0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an extension needs at least one leaf");
    }
}
