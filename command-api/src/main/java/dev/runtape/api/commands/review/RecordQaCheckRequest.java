package dev.runtape.api.commands.review;

import dev.runtape.ledger.domain.trajectory.QaCheckRecorded;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /trajectories/{id}/qa-checks}: an automated check's result, its flags ({@code secret} and {@code pii}
 * hold the trajectory out of datasets until redacted) and its details in the clear (stored as a disclosure).
 */
public record RecordQaCheckRequest(String check, QaCheckRecorded.Result result, @Nullable List<String> flags,
        @Nullable String details, @Nullable String eventId) {
}
