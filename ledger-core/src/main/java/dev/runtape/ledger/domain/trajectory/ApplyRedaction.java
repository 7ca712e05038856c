package dev.runtape.ledger.domain.trajectory;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.verifier.Digest;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that disclosures or artifacts of the trajectory were deleted from the content store. */
public record ApplyRedaction(String trajectoryId, List<Digest> digests,
        RedactionApplied.Kind kind, String reason) {

    public ApplyRedaction {
        digests = List.copyOf(digests);
    }

    /** The stream of the trajectory this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.trajectory(trajectoryId);
    }
}
