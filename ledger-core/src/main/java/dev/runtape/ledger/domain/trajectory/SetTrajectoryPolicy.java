package dev.runtape.ledger.domain.trajectory;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Set the retention, licence and permitted uses of a trajectory. */
public record SetTrajectoryPolicy(@TargetAggregateIdentifier String trajectoryId, @Nullable Instant retentionUntil,
        @Nullable String licence, @Nullable List<String> dataUse) {
}
