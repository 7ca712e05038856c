package dev.runtape.ledger.domain.dataset;

import dev.runtape.ledger.domain.common.Split;
import org.jspecify.annotations.Nullable;

/** A trajectory accepted by QA, with no redaction pending, entered the dataset. */
public record TrajectoryAdmitted(String datasetId, String trajectoryId, @Nullable Split split) {
}
