package dev.runtape.api.commands.review;

import org.jspecify.annotations.Nullable;

/** {@code POST /trajectories/{id}/labels/{label}/retraction}: why the label no longer holds. */
public record RetractLabelRequest(String reason, @Nullable String eventId) {
}
