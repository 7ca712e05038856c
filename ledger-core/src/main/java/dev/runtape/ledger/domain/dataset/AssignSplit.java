package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.common.Split;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign an admitted trajectory to a split. */
public record AssignSplit(@TargetAggregateIdentifier String datasetId, String trajectoryId, Split split) {
}
