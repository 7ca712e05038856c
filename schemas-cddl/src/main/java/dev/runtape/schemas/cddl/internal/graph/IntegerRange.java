package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborValue;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** {@code low..high} or {@code low...high} between integers: an integer in the range. */
public final class IntegerRange extends Node {

    private final BigInteger low;
    private final BigInteger high;
    private final boolean inclusive;

    public IntegerRange(BigInteger low, BigInteger high, boolean inclusive) {
        this.low = low;
        this.high = high;
        this.inclusive = inclusive;
    }

    /** Whether {@code n} is in the range. */
    boolean contains(BigInteger n) {
        return n.compareTo(low) >= 0 && (inclusive ? n.compareTo(high) <= 0 : n.compareTo(high) < 0);
    }

    /** The range as {@code [from, to]} of longs, if both ends fit: null otherwise. */
    long @Nullable [] asLongs() {
        BigInteger to = inclusive ? high : high.subtract(BigInteger.ONE);
        if (low.bitLength() >= 64 || to.bitLength() >= 64) {
            return null;
        }
        return new long[] {low.longValue(), to.longValue()};
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return value instanceof CborInteger i && contains(i.value());
    }
}
