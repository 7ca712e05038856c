package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;

/** A type that matches every value ({@code any}) or none (a group standing for a value, a socket nothing fills). */
public final class Fixed extends Node {

    public static final Fixed ANY = new Fixed(true);
    public static final Fixed NONE = new Fixed(false);

    private final boolean matches;

    private Fixed(boolean matches) {
        this.matches = matches;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return matches;
    }
}
