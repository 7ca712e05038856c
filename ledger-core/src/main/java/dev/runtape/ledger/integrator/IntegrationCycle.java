package dev.runtape.ledger.integrator;

import java.util.Optional;

/**
 * What one {@link Integrator#runOnce()} did.
 *
 * @param leading whether this node held the lease; when not, it did nothing else
 * @param leavesAdded the log entries it hashed and added to the tree
 * @param nodesAdded the interior nodes those leaves completed, each hashed once
 * @param checkpoint the checkpoint it signed, if one was due
 */
public record IntegrationCycle(boolean leading, int leavesAdded, int nodesAdded,
        Optional<SignedCheckpoint> checkpoint) {

    /** A cycle of a node without the lease. */
    public static final IntegrationCycle STANDBY = new IntegrationCycle(false, 0, 0, Optional.empty());

    public IntegrationCycle {
        if (!leading && (leavesAdded != 0 || nodesAdded != 0 || checkpoint.isPresent())) {
            throw new IllegalArgumentException("a node without the lease integrates nothing");
        }
    }
}
