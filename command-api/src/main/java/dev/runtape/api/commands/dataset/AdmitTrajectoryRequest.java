package dev.runtape.api.commands.dataset;

import dev.runtape.ledger.domain.common.Split;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /datasets/{id}/admissions}: a trajectory QA accepted, with no redaction pending, enters the dataset,
 * in a split or not yet.
 */
public record AdmitTrajectoryRequest(String trajectoryId, @Nullable Split split, @Nullable String eventId) {
}
