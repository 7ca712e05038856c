package dev.runtape.api.commands.dataset;

import org.jspecify.annotations.Nullable;

/** {@code POST /datasets}: a dataset version, and the purpose its exports serve. */
public record DefineDatasetRequest(String datasetId, String name, String version, @Nullable String purpose,
        @Nullable String description, @Nullable String eventId) {
}
