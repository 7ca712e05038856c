package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.Streams;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record that a sealed export reached its recipient. */
public record DeliverExport(String datasetId, String exportId, String recipient,
        Instant delivered, @Nullable String channel) {

    /** The stream of the dataset this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.dataset(datasetId);
    }
}
