package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborValue;
import java.math.BigDecimal;

/**
 * A range with a float bound ({@code 0.0..1.0}): a finite float in it, compared exactly. Integers are not in a float
 * range, as RFC 8610 §3.1 has it.
 */
public final class DecimalRange extends Node {

    private final BigDecimal low;
    private final BigDecimal high;
    private final boolean inclusive;

    public DecimalRange(BigDecimal low, BigDecimal high, boolean inclusive) {
        this.low = low;
        this.high = high;
        this.inclusive = inclusive;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!(value instanceof CborFloat f) || Double.isNaN(f.value()) || Double.isInfinite(f.value())) {
            return false;
        }
        BigDecimal n = new BigDecimal(f.value());
        return n.compareTo(low) >= 0 && (inclusive ? n.compareTo(high) <= 0 : n.compareTo(high) < 0);
    }
}
