package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.statement.ArtifactRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Attach a stored artifact to an open trajectory, or to one of its recorded steps. */
public record AttachArtifact(String trajectoryId, @Nullable Long step,
        ArtifactRef artifact) {

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
