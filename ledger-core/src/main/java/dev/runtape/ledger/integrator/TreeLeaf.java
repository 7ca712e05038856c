package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import java.util.Objects;

/**
 * One leaf of the log's tree: the statement at log position {@code position} has leaf index {@code leafIndex} and
 * the leaf hash SHA-256(0x00 ‖ statement bytes).
 */
public record TreeLeaf(long leafIndex, long position, Digest leafHash) {

    public TreeLeaf {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leaf indexes start at 0: " + leafIndex);
        }
        if (position < 1) {
            throw new IllegalArgumentException("log positions start at 1: " + position);
        }
        Objects.requireNonNull(leafHash, "leafHash");
    }
}
