package dev.runtape.ledger.domain.trajectory;

import dev.runtape.verifier.Digest;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that disclosures or artifacts of the trajectory were deleted from the content store. */
public record ApplyRedaction(@TargetAggregateIdentifier String trajectoryId, List<Digest> digests,
        RedactionApplied.Kind kind, String reason) {

    public ApplyRedaction {
        digests = List.copyOf(digests);
    }
}
