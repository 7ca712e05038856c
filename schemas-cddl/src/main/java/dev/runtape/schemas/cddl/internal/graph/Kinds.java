package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborFloat;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborSimple;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;

/**
 * The prelude's plain types as one test of the kind of value: {@code uint} ({@code #0}), {@code int}
 * ({@code uint / nint}), {@code tstr}, {@code float} ({@code #7.27} takes every float), and choices among them.
 * Tags are not a kind here: a tag has content to look into (see {@link Tagged}).
 */
public final class Kinds extends Node {

    public static final int UINT = 1;
    public static final int NINT = 1 << 1;
    public static final int BYTES = 1 << 2;
    public static final int TEXT = 1 << 3;
    public static final int ARRAY = 1 << 4;
    public static final int MAP = 1 << 5;
    public static final int FLOAT = 1 << 6;
    public static final int SIMPLE = 1 << 7;

    private final int kinds;

    private Kinds(int kinds) {
        this.kinds = kinds;
    }

    /** The node matching values of the given kinds (an or of the constants). */
    public static Node of(int kinds) {
        return kinds == 0 ? Fixed.NONE : new Kinds(kinds);
    }

    /** The kinds of major type {@code major} without an argument; -1 for a tag (6), which is not a kind. */
    public static int ofMajorType(long major) {
        return switch ((int) major) {
            case 0 -> UINT;
            case 1 -> NINT;
            case 2 -> BYTES;
            case 3 -> TEXT;
            case 4 -> ARRAY;
            case 5 -> MAP;
            case 7 -> FLOAT | SIMPLE;
            default -> -1;
        };
    }

    public int kinds() {
        return kinds;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        return (kindOf(value) & kinds) != 0;
    }

    @Override
    boolean onlyMaps() {
        return kinds == MAP;
    }

    /** Tested in the order values are most common in; a chain of instanceof tests is cheaper than a type switch. */
    private static int kindOf(CborValue value) {
        if (value instanceof CborTextString) {
            return TEXT;
        }
        if (value instanceof CborInteger i) {
            return i.value().signum() >= 0 ? UINT : NINT;
        }
        if (value instanceof CborMap) {
            return MAP;
        }
        if (value instanceof CborByteString) {
            return BYTES;
        }
        if (value instanceof CborArray) {
            return ARRAY;
        }
        if (value instanceof CborFloat) {
            return FLOAT;
        }
        return value instanceof CborSimple ? SIMPLE : 0;
    }
}
