package dev.runtape.api.commands.review;

import dev.runtape.ledger.domain.trajectory.LabelApplied;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /trajectories/{id}/labels}: a label on the trajectory, or on its step {@code step}; the label id is the
 * caller's, to retract it by; the comment is in the clear (stored as a disclosure).
 */
public record ApplyLabelRequest(String labelId, @Nullable Long step, LabelApplied.Category category, String value,
        @Nullable String comment, @Nullable String eventId) {
}
