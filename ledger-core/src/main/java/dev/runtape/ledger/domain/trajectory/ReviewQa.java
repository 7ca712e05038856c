package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept or reject a completed trajectory. */
public record ReviewQa(String trajectoryId, QaReviewed.Decision decision, String reason,
        String reviewer) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
