package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.Streams;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Set the retention, licence and permitted uses of a dataset version. */
public record SetDatasetPolicy(String datasetId, @Nullable Instant retentionUntil,
        @Nullable String licence, @Nullable List<String> dataUse) {

    /** The stream of the dataset this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.dataset(datasetId);
    }
}
