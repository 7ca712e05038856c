package dev.runtape.ledger.domain.trajectory;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.runtape.verifier.Digest;
import java.util.List;
import java.util.Locale;

/**
 * Disclosures or artifacts of the trajectory were deleted from the content store. The statements that refer to them
 * stay as they are: their digests remain, their contents are withheld.
 */
public record RedactionApplied(String trajectoryId, List<Digest> digests, Kind kind, String reason) {

    public RedactionApplied {
        digests = List.copyOf(digests);
    }

    /** Redact: withheld from exports; erase: deleted everywhere. */
    public enum Kind {
        REDACT, ERASE;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
