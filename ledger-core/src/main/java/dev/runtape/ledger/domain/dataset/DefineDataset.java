package dev.runtape.ledger.domain.dataset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Define a dataset version. */
public record DefineDataset(@TargetAggregateIdentifier String datasetId, String name, String version,
        @Nullable String purpose, @Nullable String description) {
}
