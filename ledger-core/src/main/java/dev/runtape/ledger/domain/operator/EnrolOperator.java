package dev.runtape.ledger.domain.operator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Enrol an operator under a pseudonym. */
public record EnrolOperator(@TargetAggregateIdentifier String operatorId, @Nullable String cohort) {
}
