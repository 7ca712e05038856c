package dev.runtape.ledger.domain.common;

import dev.runtape.verifier.Digest;

/** A checkpoint of the log by its size and root: what an export is proved against. */
public record CheckpointRef(long treeSize, Digest rootHash) {

    public CheckpointRef {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must be non-negative: " + treeSize);
        }
    }
}
