package dev.runtape.cbor;

import java.math.BigDecimal;

/**
 * A major type 7 floating-point number. The encoder writes it in the shortest of half, single and double precision
 * that keeps the value exactly (RFC 8949 §4.1), and every NaN as the canonical half-precision {@code f97e00}.
 */
public record CborFloat(double value) implements CborValue {

    /** Keyed ({@link KeyedHash}), so that decoded keys cannot be chosen to collide; every NaN hashes alike. */
    @Override
    public int hashCode() {
        return KeyedHash.start(7).add(Double.doubleToLongBits(value)).finish();
    }

    @Override
    public String toString() {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return diagnostic(value);
    }

    /** Diagnostic notation: plain decimals with a point between 1e-6 and 1e21, exponent form outside. */
    private static String diagnostic(double value) {
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return Double.toString(value); // keeps the sign of -0.0, which BigDecimal drops
        }
        if ((magnitude >= 1e-6 && magnitude < 1e21)) {
            String plain = new BigDecimal(Double.toString(value)).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String java = Double.toString(value); // like 1.0E300 or 5.0E-324
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e).replaceAll("\\.0$", "");
        String exponent = java.substring(e + 1);
        return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }
}
