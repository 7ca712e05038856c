package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.statement.ContentRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Label the trajectory, or one of its recorded steps. */
public record ApplyLabel(String trajectoryId, String labelId, @Nullable Long step,
        LabelApplied.Category category, String value, @Nullable ContentRef comment) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
