package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Set the retention, licence and permitted uses of a trajectory. */
public record SetTrajectoryPolicy(String trajectoryId, @Nullable Instant retentionUntil,
        @Nullable String licence, @Nullable List<String> dataUse) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
