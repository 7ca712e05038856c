package dev.runtape.schemas.cddl.syntax;

/** How many times a group entry may occur: {@code ?} (0..1), {@code *} (0..), {@code +} (1..), {@code n*m}. */
public record Occurrence(long min, long max) {

    public static final Occurrence ONCE = new Occurrence(1, 1);
    public static final Occurrence OPTIONAL = new Occurrence(0, 1);
    public static final Occurrence ANY_NUMBER = new Occurrence(0, Long.MAX_VALUE);
    public static final Occurrence AT_LEAST_ONCE = new Occurrence(1, Long.MAX_VALUE);

    public Occurrence {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("occurrence " + min + "*" + max);
        }
    }

    @Override
    public String toString() {
        if (equals(ONCE)) {
            return "";
        }
        if (equals(OPTIONAL)) {
            return "?";
        }
        if (equals(ANY_NUMBER)) {
            return "*";
        }
        if (equals(AT_LEAST_ONCE)) {
            return "+";
        }
        return min + "*" + (max == Long.MAX_VALUE ? "" : max);
    }
}
