package dev.runtape.ledger.domain.operator;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record a qualification of an enrolled operator. */
public record QualifyOperator(@TargetAggregateIdentifier String operatorId, String qualification,
        @Nullable String level, @Nullable Instant validUntil) {
}
