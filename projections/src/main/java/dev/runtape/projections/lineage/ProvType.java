package dev.runtape.projections.lineage;

import java.util.Locale;

/** The three kinds of node of W3C PROV, named as PROV-JSON names its members. */
public enum ProvType {
    ENTITY, ACTIVITY, AGENT;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** {@code entity}, {@code activity} or {@code agent}: the PROV-JSON member and the JSON {@code prov} value. */
    public String wire() {
        return wire;
    }
}
