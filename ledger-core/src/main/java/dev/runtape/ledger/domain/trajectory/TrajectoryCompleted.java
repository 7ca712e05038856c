package dev.runtape.ledger.domain.trajectory;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.runtape.ledger.domain.common.Usage;
import dev.runtape.ledger.statement.ContentRef;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The run ended: its outcome, the criteria it met, how long it took, what blocked it, and its final diff. */
public record TrajectoryCompleted(String trajectoryId, Outcome outcome, List<String> criteriaMet,
        @Nullable Duration duration, @Nullable List<String> blockers, @Nullable ContentRef finalDiff,
        @Nullable Usage usage) {

    public TrajectoryCompleted {
        criteriaMet = List.copyOf(criteriaMet);
        blockers = blockers == null ? null : List.copyOf(blockers);
    }

    /** How a run ended. */
    public enum Outcome {
        SUCCESS, FAILURE, PARTIAL, ABORTED, UNKNOWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
