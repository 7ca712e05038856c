package dev.runtape.projections.audit;

import org.jspecify.annotations.Nullable;

/**
 * One statement checked again: its signature by a key known and valid at its time, its link to the statement before
 * it in its stream, and its inclusion in the log's latest checkpoint (a receipt verified against the leaf hash
 * computed here).
 *
 * @param problem what failed, or null when all passed (a statement not yet under a checkpoint is not a failure)
 */
public record Verification(long position, String stream, long revision, String eventType, String eventId,
        String principal, String issuedAt, boolean signature, boolean chain, @Nullable Long checkpointSize,
        @Nullable String problem) {

    public boolean ok() {
        return problem == null;
    }
}
