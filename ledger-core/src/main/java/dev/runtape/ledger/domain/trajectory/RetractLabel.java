package dev.runtape.ledger.domain.trajectory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract a label that holds; it stays in history. */
public record RetractLabel(@TargetAggregateIdentifier String trajectoryId, String labelId, String reason) {
}
