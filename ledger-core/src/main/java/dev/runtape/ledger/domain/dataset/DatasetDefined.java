package dev.runtape.ledger.domain.dataset;

import org.jspecify.annotations.Nullable;

/** A dataset version was defined, for a purpose. */
public record DatasetDefined(String datasetId, String name, String version, @Nullable String purpose,
        @Nullable String description) {
}
