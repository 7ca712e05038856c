package dev.runtape.ledger.domain.common;

import org.jspecify.annotations.Nullable;

/** Token usage and cost of a trajectory or a step. */
public record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
        @Nullable Double costUsd) {
}
