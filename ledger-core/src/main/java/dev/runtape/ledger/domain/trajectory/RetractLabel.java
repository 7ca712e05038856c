package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract a label that holds; it stays in history. */
public record RetractLabel(String trajectoryId, String labelId, String reason) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
