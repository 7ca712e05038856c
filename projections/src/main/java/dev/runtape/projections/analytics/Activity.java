package dev.runtape.projections.analytics;

import java.util.Locale;

/** What a step spent its time on. */
public enum Activity {
    SEARCH, READING, EDITING, VERIFICATION, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
