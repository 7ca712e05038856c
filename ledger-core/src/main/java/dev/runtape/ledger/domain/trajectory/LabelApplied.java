package dev.runtape.ledger.domain.trajectory;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.runtape.ledger.statement.ContentRef;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A label was put on the whole trajectory ({@code step} absent) or on one step. */
public record LabelApplied(String labelId, String trajectoryId, @Nullable Long step, Category category,
        String value, @Nullable ContentRef comment) {

    /** What kind of label it is. */
    public enum Category {
        FAILURE, PROCESS, COMMENT;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
