package dev.runtape.api.commands.capture;

import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /trajectories/{id}/completion}: the outcome, and the final diff in the clear. */
public record CompleteTrajectoryRequest(TrajectoryCompleted.Outcome outcome, @Nullable List<String> criteriaMet,
        @Nullable Duration duration, @Nullable List<String> blockers, @Nullable String finalDiff,
        @Nullable Usage usage, @Nullable String eventId) {
}
