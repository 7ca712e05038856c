package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Split;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Admit a trajectory into a dataset version that has no sealed export yet. */
public record AdmitTrajectory(String datasetId, String trajectoryId,
        @Nullable Split split) {

    /** The stream of the dataset this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.dataset(datasetId);
    }
}
