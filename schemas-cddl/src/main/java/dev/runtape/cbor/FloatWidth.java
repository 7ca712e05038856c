package dev.runtape.cbor;

/** The three encodings of a CBOR float, and the rule that picks the shortest exact one (RFC 8949 §4.1). */
enum FloatWidth {
    HALF(0xF9, 2),
    SINGLE(0xFA, 4),
    DOUBLE(0xFB, 8);

    /** The one NaN of the deterministic encoding: a quiet NaN without payload, in half precision. */
    static final int CANONICAL_NAN_HALF = 0x7E00;

    final int initialByte;
    final int bytes;

    FloatWidth(int initialByte, int bytes) {
        this.initialByte = initialByte;
        this.bytes = bytes;
    }

    /** The shortest width that holds {@code value} exactly; every NaN fits in half precision. */
    static FloatWidth shortestExact(double value) {
        if (Double.isNaN(value)) {
            return HALF;
        }
        float single = (float) value;
        if (Double.compare(single, value) != 0) {
            return DOUBLE;
        }
        short half = Float.floatToFloat16(single);
        return Float.compare(Float.float16ToFloat(half), single) == 0 ? HALF : SINGLE;
    }

    /** The bits of {@code value} at this width, right-aligned. */
    long bits(double value) {
        return switch (this) {
            case HALF -> Double.isNaN(value) ? CANONICAL_NAN_HALF : Float.floatToFloat16((float) value) & 0xFFFF;
            case SINGLE -> Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL;
            case DOUBLE -> Double.doubleToRawLongBits(value);
        };
    }

    /** The value of {@code bits} read at this width. */
    double value(long bits) {
        return switch (this) {
            case HALF -> Float.float16ToFloat((short) bits);
            case SINGLE -> Float.intBitsToFloat((int) bits);
            case DOUBLE -> Double.longBitsToDouble(bits);
        };
    }

    static FloatWidth ofAdditionalInfo(int additionalInfo) {
        return switch (additionalInfo) {
            case 25 -> HALF;
            case 26 -> SINGLE;
            case 27 -> DOUBLE;
            default -> throw new IllegalArgumentException("not a float: " + additionalInfo);
        };
    }
}
