package dev.runtape.ledger.domain.trajectory;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.runtape.ledger.statement.ContentRef;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An automated check ran on a completed trajectory. Its flags name what must be resolved before the trajectory may
 * enter a dataset: a "secret" or "pii" flag leaves a redaction pending until one is applied.
 */
public record QaCheckRecorded(String trajectoryId, String check, Result result, @Nullable List<String> flags,
        @Nullable ContentRef details) {

    /** The flags that make a redaction pending. */
    public static final Set<String> REDACTION_FLAGS = Set.of("secret", "pii");

    public QaCheckRecorded {
        flags = flags == null ? null : List.copyOf(flags);
    }

    /** Whether this check leaves a redaction pending. */
    public boolean requiresRedaction() {
        return flags != null && flags.stream().anyMatch(REDACTION_FLAGS::contains);
    }

    /** What the check concluded. */
    public enum Result {
        PASS, FAIL, ERROR, SKIPPED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
