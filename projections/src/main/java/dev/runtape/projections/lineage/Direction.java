package dev.runtape.projections.lineage;

import java.util.Locale;

/** Which way a lineage query walks from its node. */
public enum Direction {
    /** Towards origins: what the node was made from, by whom (edges followed forwards). */
    UP,
    /** Towards what was made from the node (edges followed backwards). */
    DOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
