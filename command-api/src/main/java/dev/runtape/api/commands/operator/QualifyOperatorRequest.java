package dev.runtape.api.commands.operator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code POST /operators/{id}/qualifications}: a qualification, its level and how long it holds. */
public record QualifyOperatorRequest(String qualification, @Nullable String level, @Nullable Instant validUntil,
        @Nullable String eventId) {
}
