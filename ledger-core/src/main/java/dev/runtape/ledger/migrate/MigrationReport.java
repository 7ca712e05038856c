package dev.runtape.ledger.migrate;

import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/**
 * What a migration did and what it proved.
 *
 * @param copied entries written now (0 when the target held them all already)
 * @param resumedAfter the position the target already held, from an earlier, interrupted run
 * @param entries the entries the target holds now, positions 1 to {@code entries}
 * @param root the RFC 9162 root of the target's whole log, equal to the source's
 * @param checkpointSize the size of the checkpoint the copy was proved against; null when the source had none
 * @param checkpointRoot that checkpoint's root, which the target's first {@code checkpointSize} entries reproduce
 */
public record MigrationReport(long copied, long resumedAfter, long entries, Digest root,
        @Nullable Long checkpointSize, @Nullable Digest checkpointRoot) {
}
