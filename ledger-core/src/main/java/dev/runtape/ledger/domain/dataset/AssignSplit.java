package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Split;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign an admitted trajectory to a split. */
public record AssignSplit(String datasetId, String trajectoryId, Split split) {

    /** The stream of the dataset this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.dataset(datasetId);
    }
}
