package dev.runtape.cbor;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A major type 0 or 1 integer: any value from -2^64 to 2^64-1. A class rather than a record so that it can keep its
 * keyed hash code, which is dear to compute.
 */
public final class CborInteger implements CborValue {

    static final BigInteger MIN = BigInteger.ONE.shiftLeft(64).negate();
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final BigInteger value;
    private int hash; // 0 until computed; a benign race, as in String

    public CborInteger(BigInteger value) {
        Objects.requireNonNull(value, "value");
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("CBOR integers range from -2^64 to 2^64-1, not " + value);
        }
        this.value = value;
    }

    /** The integers a head holds alone (-24 to 23): made once, as the decoder meets them all the time. */
    private static final CborInteger[] SMALL = new CborInteger[48];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new CborInteger(BigInteger.valueOf(i - 24));
        }
    }

    /** For the decoder, whose values are in range by construction: no range check, small values shared. */
    static CborInteger decoded(BigInteger value) {
        if (value.bitLength() < 6) {
            int small = value.intValue();
            if (small >= -24 && small < 24) {
                return SMALL[small + 24];
            }
        }
        return new CborInteger(value, true);
    }

    /** The flag only tells this constructor apart from the public one, which checks the range. */
    private CborInteger(BigInteger value, boolean inRange) {
        this.value = value;
    }

    public BigInteger value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CborInteger that && value.equals(that.value);
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

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide; computed once. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = KeyedHash.start(0).add(value.toByteArray()).finish() | 1;
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
