package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.statement.ContentRef;
import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** End an open trajectory with its outcome. */
public record CompleteTrajectory(String trajectoryId,
        TrajectoryCompleted.Outcome outcome, List<String> criteriaMet, @Nullable Duration duration,
        @Nullable List<String> blockers, @Nullable ContentRef finalDiff, @Nullable Usage usage) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
