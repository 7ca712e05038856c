package dev.runtape.ledger.domain.dataset;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Set the retention, licence and permitted uses of a dataset version. */
public record SetDatasetPolicy(@TargetAggregateIdentifier String datasetId, @Nullable Instant retentionUntil,
        @Nullable String licence, @Nullable List<String> dataUse) {
}
