package dev.runtape.api.commands;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /trajectories/{id}/policy} and {@code PUT /datasets/{id}/policy}: how long the subject may be kept,
 * under what licence, and for which purposes ({@code data-use} absent: unrestricted).
 */
public record PolicyRequest(@Nullable Instant retentionUntil, @Nullable String licence,
        @Nullable List<String> dataUse, @Nullable String eventId) {
}
