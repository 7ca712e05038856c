package dev.runtape.ledger.domain.operator;

import org.jspecify.annotations.Nullable;

/** An operator was enrolled, under a pseudonym only. */
public record OperatorEnrolled(String operatorId, @Nullable String cohort) {
}
