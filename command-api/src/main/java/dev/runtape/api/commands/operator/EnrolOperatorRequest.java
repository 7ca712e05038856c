package dev.runtape.api.commands.operator;

import org.jspecify.annotations.Nullable;

/** {@code POST /operators}: an operator under a pseudonym, never a name. */
public record EnrolOperatorRequest(String operatorId, @Nullable String cohort, @Nullable String eventId) {
}
