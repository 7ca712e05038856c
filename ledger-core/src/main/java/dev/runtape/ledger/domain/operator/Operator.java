package dev.runtape.ledger.domain.operator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.runtape.ledger.domain.Streams;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A human operator, known only by a pseudonym, and the qualifications recorded for them. */
public class Operator {

    @AggregateIdentifier
    private String streamId;
    private String operatorId;

    protected Operator() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Operator(EnrolOperator command) {
        apply(new OperatorEnrolled(command.operatorId(), command.cohort()));
    }

    @CommandHandler
    void handle(QualifyOperator command) {
        apply(new OperatorQualified(operatorId, command.qualification(), command.level(), command.validUntil()));
    }

    @EventSourcingHandler
    void on(OperatorEnrolled event) {
        streamId = Streams.operator(event.operatorId());
        operatorId = event.operatorId();
    }
}
