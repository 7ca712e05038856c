package dev.runtape.ledger.domain.dataset;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record that a sealed export reached its recipient. */
public record DeliverExport(@TargetAggregateIdentifier String datasetId, String exportId, String recipient,
        Instant delivered, @Nullable String channel) {
}
