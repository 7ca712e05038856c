package dev.runtape.verifier.robustness;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTag;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random {@link CborValue} trees for property tests: every kind of item, with the values that sit on the edges of
 * the encoding (head widths, float precisions, NaN, -0.0, subnormals, non-BMP text) well represented.
 */
final class CborArbitraries {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** Arguments where the head changes width, and the ends of the 64-bit ranges. */
    private static final long[] HEAD_BOUNDARIES = {
        0, 1, 23, 24, 255, 256, 65_535, 65_536, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, -1L,
    };

    private static final double[] SPECIAL_DOUBLES = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE,
        Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
        0x1p-24, 0x1p-14, 0x1.ff8p-15, 65504.0, 65505.0, 65520.0, -65504.0,
        1.0, -1.0, 1.5, 0.1, 1e300, 0x1p63, -0x1p63, 0x1p64, -0x1p64, 0x1.fffffffffffffp63,
        Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.longBitsToDouble(0xFFF8_0000_0000_0000L),
    };

    private CborArbitraries() {
    }

    /** Trees nested at most {@code depth} containers deep. */
    static Arbitrary<CborValue> values(int depth) {
        if (depth == 0) {
            return leaves();
        }
        Arbitrary<CborValue> inner = values(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaves()),
                Tuple.of(2, arrays(inner)),
                Tuple.of(2, maps(inner)),
                Tuple.of(1, tags(inner)));
    }

    static Arbitrary<CborValue> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, integers().map(CborInteger::new)),
                Tuple.of(3, doubles().map(CborFloat::new)),
                Tuple.of(2, byteStrings().map(CborByteString::new)),
                Tuple.of(3, texts().map(CborTextString::new)),
                Tuple.of(1, simples()));
    }

    /** Integers from -2^64 to 2^64-1, spread evenly over the bit lengths so that every head width comes up. */
    static Arbitrary<BigInteger> integers() {
        Arbitrary<BigInteger> byBitLength = Combinators.combine(
                        Arbitraries.integers().between(0, 64), Arbitraries.longs(), Arbitraries.of(true, false))
                .as((bits, random, negative) -> {
                    BigInteger magnitude = unsigned(random).shiftRight(64 - bits);
                    return negative ? magnitude.negate().subtract(BigInteger.ONE) : magnitude;
                });
        List<BigInteger> edges = new ArrayList<>();
        for (long boundary : HEAD_BOUNDARIES) {
            BigInteger value = unsigned(boundary);
            for (BigInteger near : List.of(value.subtract(BigInteger.ONE), value, value.add(BigInteger.ONE))) {
                if (near.signum() >= 0 && near.bitLength() <= 64) {
                    edges.add(near);
                    edges.add(near.negate().subtract(BigInteger.ONE));
                }
            }
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, byBitLength),
                Tuple.of(2, Arbitraries.of(edges)),
                Tuple.of(1, Arbitraries.bigIntegers().between(CborIntegerRange.MIN, CborIntegerRange.MAX)));
    }

    /** Doubles from every precision: raw double, single and half bit patterns (NaN payloads included) and specials. */
    static Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(2, Arbitraries.integers().map(bits -> (double) Float.intBitsToFloat(bits))),
                Tuple.of(2, Arbitraries.shorts().map(bits -> (double) Float.float16ToFloat(bits))),
                Tuple.of(2, Arbitraries.of(boxed(SPECIAL_DOUBLES))),
                Tuple.of(1, Arbitraries.longs().between(-100_000, 100_000).map(v -> (double) v)));
    }

    static Arbitrary<byte[]> byteStrings() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.bytes().array(byte[].class).ofMaxSize(30)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(20).ofMaxSize(300)));
    }

    /** Valid Unicode text: ASCII, the rest of the BMP without surrogates, and supplementary characters. */
    static Arbitrary<String> texts() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x1_0000, 0x10_FFFF)));
        return Arbitraries.frequencyOf(
                        Tuple.of(5, codePoints.list().ofMaxSize(12)),
                        Tuple.of(1, codePoints.list().ofMinSize(20).ofMaxSize(120)))
                .map(list -> {
                    StringBuilder text = new StringBuilder();
                    list.forEach(text::appendCodePoint);
                    return text.toString();
                });
    }

    static Arbitrary<CborValue> simples() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(20, 23)),
                        Tuple.of(1, Arbitraries.integers().between(0, 19)),
                        Tuple.of(1, Arbitraries.integers().between(32, 255)))
                .map(CborSimple::new);
    }

    static Arbitrary<CborValue> arrays(Arbitrary<CborValue> items) {
        return items.list().ofMaxSize(5).map(CborArray::new);
    }

    static Arbitrary<CborValue> maps(Arbitrary<CborValue> entries) {
        return Arbitraries.maps(entries, entries).ofMaxSize(4).map(CborMap::new);
    }

    static Arbitrary<CborValue> tags(Arbitrary<CborValue> contents) {
        Arbitrary<Long> numbers = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 23)),
                Tuple.of(2, Arbitraries.longs().between(24, 300)),
                Tuple.of(1, Arbitraries.of(65_535L, 65_536L, 0xFFFF_FFFFL, 0x1_0000_0000L, -1L, Long.MIN_VALUE)),
                Tuple.of(1, Arbitraries.longs()));
        return Combinators.combine(numbers, contents).as(CborTag::new);
    }

    private static BigInteger unsigned(long value) {
        BigInteger signed = BigInteger.valueOf(value);
        return value >= 0 ? signed : signed.add(TWO_TO_64);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    /** The integer range of CBOR: -2^64 to 2^64-1. */
    static final class CborIntegerRange {
        static final BigInteger MIN = TWO_TO_64.negate();
        static final BigInteger MAX = TWO_TO_64.subtract(BigInteger.ONE);

        private CborIntegerRange() {
        }
    }
}
