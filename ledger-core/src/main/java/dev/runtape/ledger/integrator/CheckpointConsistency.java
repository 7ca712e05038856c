package dev.runtape.ledger.integrator;

import dev.runtape.verifier.merkle.ConsistencyProof;

/**
 * Two signed checkpoints of the log and the RFC 9162 proof that the older tree is a prefix of the newer: what a
 * client checks with {@code CheckpointVerifier.verifyConsistency}.
 */
public record CheckpointConsistency(SignedCheckpoint older, SignedCheckpoint newer, ConsistencyProof proof) {

    public CheckpointConsistency {
        if (proof.size1() != older.treeSize() || proof.size2() != newer.treeSize()) {
            throw new IllegalArgumentException("a proof from size " + proof.size1() + " to " + proof.size2()
                    + " does not join checkpoints of sizes " + older.treeSize() + " and " + newer.treeSize());
        }
    }
}
