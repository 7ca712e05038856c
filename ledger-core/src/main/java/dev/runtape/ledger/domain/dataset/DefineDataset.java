package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.Streams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Define a dataset version. */
public record DefineDataset(String datasetId, String name, String version,
        @Nullable String purpose, @Nullable String description) {

    /** The stream of the dataset this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.dataset(datasetId);
    }
}
