package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import org.jspecify.annotations.Nullable;

/**
 * {@code target .size controller}: a byte string or text whose length in bytes matches the controller, or an unsigned
 * integer that fits in that many bytes. A controller that is a literal or a range of integers ({@code 32},
 * {@code 1..200}) is compared as two numbers, without making a CBOR value of the length.
 */
public final class Size extends Node {

    private final Node target;
    private final Node controller;
    private final long from;
    private final long to;
    private final boolean bounded;
    private final boolean integers;
    private final long integerBits;

    private Size(Node target, Node controller, long @Nullable [] bounds, @Nullable Long integerBits) {
        this.target = target;
        this.controller = controller;
        this.bounded = bounds != null;
        this.from = bounds != null ? bounds[0] : 0;
        this.to = bounds != null ? bounds[1] : 0;
        this.integers = integerBits != null;
        this.integerBits = integerBits != null ? integerBits : 0;
    }

    /**
     * The size control.
     *
     * @param integerBits how many bits an unsigned integer may take (8 times the controller's literal), or null
     *     when the controller is no integer literal, and no integer passes
     */
    public static Size of(Node target, Node controller, @Nullable Long integerBits) {
        long[] bounds = null;
        if (controller instanceof IntegerRange range) {
            bounds = range.asLongs();
        } else if (controller instanceof Equal equal && equal.expected() instanceof CborInteger n && n.fitsLong()) {
            bounds = new long[] {n.longValueExact(), n.longValueExact()};
        }
        return new Size(target, controller, bounds, integerBits);
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!target.matches(value, level)) {
            return false;
        }
        if (value instanceof CborTextString t) {
            String text = t.value();
            // A char takes one to three bytes (a surrogate pair four for two), so the char count often decides.
            if (bounded && text.length() >= from && 3L * text.length() <= to) {
                return true;
            }
            return sizeMatches(Utf8.length(text), level);
        }
        if (value instanceof CborByteString b) {
            return sizeMatches(b.length(), level);
        }
        if (value instanceof CborInteger i && i.value().signum() >= 0) {
            return integers && i.value().bitLength() <= integerBits;
        }
        return false;
    }

    private boolean sizeMatches(long size, int level) {
        return bounded ? from <= size && size <= to : controller.matches(CborInteger.of(size), level);
    }
}
