package dev.runtape.ledger.domain.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The part of a dataset a trajectory serves: training or evaluation. */
public enum Split {
    TRAIN, EVAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
