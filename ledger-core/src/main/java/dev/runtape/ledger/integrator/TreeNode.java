package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import java.util.Objects;

/** The hash of one complete interior subtree (level 1 or more); leaves are {@link TreeLeaf}s. */
public record TreeNode(NodeAddress address, Digest hash) {

    public TreeNode {
        Objects.requireNonNull(hash, "hash");
        if (address.level() < 1) {
            throw new IllegalArgumentException("an interior node has level 1 or more: " + address);
        }
    }

    public static TreeNode of(int level, long index, Digest hash) {
        return new TreeNode(new NodeAddress(level, index), hash);
    }
}
