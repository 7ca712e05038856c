package dev.runtape.verifier.receipt;

import dev.runtape.verifier.Digest;
import java.util.Objects;

/** A tree size and the root a verified receipt leads to. */
public record TreeHead(long treeSize, Digest root) {

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
        }
        Objects.requireNonNull(root, "root");
    }
}
