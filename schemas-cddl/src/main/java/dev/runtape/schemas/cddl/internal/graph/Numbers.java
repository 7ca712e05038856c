package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborValue;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Integers and floats as exact decimals, so that the numeric controls compare 1 and 1.0 as equal. */
final class Numbers {

    private Numbers() {
    }

    /** The number a value holds, or null for anything else and for NaN and the infinities. */
    static @Nullable BigDecimal of(CborValue value) {
        if (value instanceof CborInteger i) {
            return new BigDecimal(i.value());
        }
        if (value instanceof CborFloat f && !Double.isNaN(f.value()) && !Double.isInfinite(f.value())) {
            return new BigDecimal(f.value());
        }
        return null;
    }
}
