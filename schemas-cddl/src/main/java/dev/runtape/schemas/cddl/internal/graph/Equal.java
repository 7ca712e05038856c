package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;

/**
 * A literal: the one value equal to it. CBOR values compare as CDDL literals do: integers by value, floats with
 * {@link Double#compare}, text and bytes by content; an integer never equals a float.
 */
public final class Equal extends Node {

    private final CborValue expected;

    public Equal(CborValue expected) {
        this.expected = expected;
    }

    public CborValue expected() {
        return expected;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return expected.equals(value);
    }
}
