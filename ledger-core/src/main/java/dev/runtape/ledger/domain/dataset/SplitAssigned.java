package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.common.Split;

/** An admitted trajectory was assigned to the train or the eval split. */
public record SplitAssigned(String datasetId, String trajectoryId, Split split) {
}
