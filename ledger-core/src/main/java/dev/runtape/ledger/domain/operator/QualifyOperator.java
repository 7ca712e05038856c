package dev.runtape.ledger.domain.operator;

import dev.runtape.ledger.domain.Streams;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Record a qualification of an enrolled operator. */
public record QualifyOperator(String operatorId, String qualification,
        @Nullable String level, @Nullable Instant validUntil) {

    /** The stream of the operator this command goes to: Axon's aggregate identifier. */
    @TargetAggregateIdentifier
    public String streamId() {
        return Streams.operator(operatorId);
    }
}
