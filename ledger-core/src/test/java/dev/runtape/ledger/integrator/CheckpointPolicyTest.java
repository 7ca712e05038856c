package dev.runtape.ledger.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {

    private static final Instant SIGNED = Instant.parse("2026-11-22T10:00:00Z");
    private static final CheckpointPolicy POLICY = new CheckpointPolicy(100, Duration.ofSeconds(1));

    private static Optional<Checkpoint> checkpointOf(long size) {
        return Optional.of(new Checkpoint("runtape.test/log", size, Digest.ZERO, SIGNED));
    }

    @Test
    void aTreeWithLeavesAndNoCheckpointIsDueAtOnce() {
        assertThat(POLICY.isDue(1, Optional.empty(), SIGNED)).isTrue();
    }

    @Test
    void anEmptyTreeWithoutCheckpointIsNeverDue() {
        assertThat(POLICY.untilDue(0, Optional.empty(), SIGNED.plusSeconds(3600))).isEmpty();
    }

    @Test
    void enoughNewLeavesMakeACheckpointDueBeforeTheIntervalPassed() {
        assertThat(POLICY.isDue(149, checkpointOf(50), SIGNED)).isFalse();
        assertThat(POLICY.isDue(150, checkpointOf(50), SIGNED)).isTrue();
    }

    @Test
    void theIntervalMakesACheckpointDueOnlyWithNewLeaves() {
        Instant later = SIGNED.plus(Duration.ofSeconds(1));

        assertThat(POLICY.isDue(51, checkpointOf(50), later.minusMillis(1))).isFalse();
        assertThat(POLICY.isDue(51, checkpointOf(50), later)).isTrue();
        assertThat(POLICY.isDue(50, checkpointOf(50), later.plusSeconds(3600))).isFalse();
    }

    @Test
    void untilDueIsTheTimeLeftOfTheIntervalWhileLeavesWait() {
        assertThat(POLICY.untilDue(51, checkpointOf(50), SIGNED.plusMillis(300)))
                .contains(Duration.ofMillis(700));
        assertThat(POLICY.untilDue(51, checkpointOf(50), SIGNED.plusSeconds(5))).contains(Duration.ZERO);
        assertThat(POLICY.untilDue(50, checkpointOf(50), SIGNED)).isEmpty();
    }

    @Test
    void aPolicyNeedsAtLeastOneLeafAndAPositiveInterval() {
        assertThatThrownBy(() -> new CheckpointPolicy(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a checkpoint needs at least 1 new leaf to be due: 0");
        assertThatThrownBy(() -> new CheckpointPolicy(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint interval must be positive: PT0S");
    }
}
