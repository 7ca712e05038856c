package dev.runtape.ledger.domain.dataset;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A sealed export reached its recipient. */
public record ExportDelivered(String datasetId, String exportId, String recipient, Instant delivered,
        @Nullable String channel) {
}
