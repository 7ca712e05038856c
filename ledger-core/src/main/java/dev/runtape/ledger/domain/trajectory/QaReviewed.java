package dev.runtape.ledger.domain.trajectory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A reviewer accepted or rejected a completed trajectory. The latest review is the one that counts. */
public record QaReviewed(String trajectoryId, Decision decision, String reason, String reviewer) {

    /** A review's verdict. */
    public enum Decision {
        ACCEPT, REJECT;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
