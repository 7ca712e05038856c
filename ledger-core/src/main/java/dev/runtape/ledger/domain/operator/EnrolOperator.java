package dev.runtape.ledger.domain.operator;

import dev.runtape.ledger.domain.Streams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Enrol an operator under a pseudonym. */
public record EnrolOperator(String operatorId, @Nullable String cohort) {

    /** The stream of the operator this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.operator(operatorId);
    }
}
