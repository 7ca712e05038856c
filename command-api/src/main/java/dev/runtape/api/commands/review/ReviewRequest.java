package dev.runtape.api.commands.review;

import dev.runtape.ledger.domain.trajectory.QaReviewed;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /trajectories/{id}/reviews}: accept or reject, and why. {@code reviewer} (a pseudonym) defaults to the
 * caller; the statement's {@code iss} names the caller either way.
 */
public record ReviewRequest(QaReviewed.Decision decision, String reason, @Nullable String reviewer,
        @Nullable String eventId) {
}
