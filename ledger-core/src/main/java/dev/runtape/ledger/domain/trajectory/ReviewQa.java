package dev.runtape.ledger.domain.trajectory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept or reject a completed trajectory. */
public record ReviewQa(@TargetAggregateIdentifier String trajectoryId, QaReviewed.Decision decision, String reason,
        String reviewer) {
}
