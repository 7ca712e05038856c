package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Start a run of a defined task. */
public record StartTrajectory(String trajectoryId, String taskId, Actor actor,
        @Nullable Model model, @Nullable Map<String, String> toolVersions, @Nullable Repository repository,
        @Nullable Instant started, @Nullable String sourceFormat, @Nullable String continues,
        @Nullable String parent) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
