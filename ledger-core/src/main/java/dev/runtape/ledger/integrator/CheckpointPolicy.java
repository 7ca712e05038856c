package dev.runtape.ledger.integrator;

import dev.runtape.verifier.checkpoint.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to sign a checkpoint: when {@code everyLeaves} leaves arrived since the latest checkpoint, or when {@code
 * interval} passed since it and at least one leaf arrived. A tree with leaves and no checkpoint yet is due at once,
 * so that the first statements get receipts without waiting. An unchanged tree is never due: a new checkpoint would
 * state nothing new.
 */
public record CheckpointPolicy(long everyLeaves, Duration interval) {

    public CheckpointPolicy {
        if (everyLeaves < 1) {
            throw new IllegalArgumentException("a checkpoint needs at least 1 new leaf to be due: " + everyLeaves);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive: " + interval);
        }
    }

    /** Whether a tree of {@code treeSize} leaves needs a checkpoint at {@code now}, after {@code latest}. */
    public boolean isDue(long treeSize, Optional<Checkpoint> latest, Instant now) {
        return untilDue(treeSize, latest, now).filter(Duration::isZero).isPresent();
    }

    /**
     * How long until a checkpoint is due if no more leaves arrive: zero when it is due now, empty when no
     * checkpoint is pending (no leaf since the latest). The integrator waits at most this long for new entries.
     */
    public Optional<Duration> untilDue(long treeSize, Optional<Checkpoint> latest, Instant now) {
        long checkpointed = latest.map(Checkpoint::treeSize).orElse(0L);
        long pending = treeSize - checkpointed;
        if (pending <= 0) {
            return Optional.empty();
        }
        if (pending >= everyLeaves || latest.isEmpty()) {
            return Optional.of(Duration.ZERO);
        }
        Duration left = Duration.between(now, latest.get().timestamp().plus(interval));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
