package dev.runtape.cbor;

/**
 * A major type 7 simple value: {@code false}, {@code true}, {@code null}, {@code undefined}, or an unassigned one
 * (0 to 19 and 32 to 255; 24 to 31 are reserved and cannot be encoded).
 */
public record CborSimple(int value) implements CborValue {

    public static final CborSimple FALSE = new CborSimple(20);
    public static final CborSimple TRUE = new CborSimple(21);
    public static final CborSimple NULL = new CborSimple(22);
    public static final CborSimple UNDEFINED = new CborSimple(23);

    public CborSimple {
        if (value < 0 || value > 255 || (value >= 24 && value < 32)) {
            throw new IllegalArgumentException("simple values are 0..23 and 32..255, not " + value);
        }
    }

    public static CborSimple of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String toString() {
        return switch (value) {
            case 20 -> "false";
            case 21 -> "true";
            case 22 -> "null";
            case 23 -> "undefined";
            default -> "simple(" + value + ")";
        };
    }
}
