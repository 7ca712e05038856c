package dev.runtape.api.commands.review;

import dev.runtape.ledger.domain.trajectory.RedactionApplied;
import dev.runtape.verifier.Digest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /trajectories/{id}/redactions}: the digests (hex) of the trajectory's disclosures or artifacts to delete,
 * {@code redact} or {@code erase}, and why.
 */
public record RedactionRequest(List<Digest> digests, RedactionApplied.Kind kind, String reason,
        @Nullable String eventId) {
}
