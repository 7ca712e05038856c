package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborValue;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * {@code target .eq v} and {@code target .ne v}: a value equal (or not) to the literal v, where numbers are equal
 * by value whatever their kind (1 and 1.0).
 */
public final class Equality extends Node {

    private final Node target;
    private final @Nullable CborValue expected;
    private final @Nullable BigDecimal number;
    private final boolean equal;

    /**
     * @param expected the literal, or null when the controller is none (then nothing is equal to it)
     * @param number the literal as a number, or null when it is not one
     * @param equal true for {@code .eq}, false for {@code .ne}
     */
    public Equality(Node target, @Nullable CborValue expected, @Nullable BigDecimal number, boolean equal) {
        this.target = target;
        this.expected = expected;
        this.number = number;
        this.equal = equal;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return target.matches(value, level) && isEqual(value) == equal;
    }

    private boolean isEqual(CborValue value) {
        if (expected == null) {
            return false;
        }
        if (expected.equals(value)) {
            return true;
        }
        BigDecimal given = Numbers.of(value);
        return number != null && given != null && given.compareTo(number) == 0;
    }
}
