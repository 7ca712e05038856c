package dev.runtape.api.commands.dataset;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code POST /datasets/{id}/exports/{export}/delivery}: the export reached its recipient (now, when absent). */
public record DeliverExportRequest(String recipient, @Nullable Instant delivered, @Nullable String channel,
        @Nullable String eventId) {
}
