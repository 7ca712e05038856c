package dev.runtape.cbor;

import java.math.BigInteger;
import java.util.Objects;

/** A major type 0 or 1 integer: any value from -2^64 to 2^64-1. */
public record CborInteger(BigInteger value) implements CborValue {

    static final BigInteger MIN = BigInteger.ONE.shiftLeft(64).negate();
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public CborInteger {
        Objects.requireNonNull(value, "value");
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("CBOR integers range from -2^64 to 2^64-1, not " + value);
        }
    }

    public static CborInteger of(long value) {
        return new CborInteger(BigInteger.valueOf(value));
    }

    /** True when the value fits a Java {@code long}. */
    public boolean fitsLong() {
        return value.bitLength() < 64;
    }

    /**
     * The value as a {@code long}.
     *
     * @throws ArithmeticException if it does not fit
     */
    public long longValueExact() {
        return value.longValueExact();
    }

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide. */
    @Override
    public int hashCode() {
        return KeyedHash.start(0).add(value.toByteArray()).finish();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
