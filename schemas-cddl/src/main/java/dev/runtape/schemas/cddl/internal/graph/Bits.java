package dev.runtape.schemas.cddl.internal.graph;

import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborValue;
import java.math.BigInteger;

/**
 * {@code target .bits controller}: an unsigned integer or a byte string whose set bits are each allowed by the
 * controller (bit 0 of a byte string is the lowest bit of its first byte).
 */
public final class Bits extends Node {

    private final Node target;
    private final Node controller;

    public Bits(Node target, Node controller) {
        this.target = target;
        this.controller = controller;
    }

    @Override
    public boolean matches(CborValue value, int level) {
        if (!target.matches(value, level)) {
            return false;
        }
        if (value instanceof CborInteger i && i.value().signum() >= 0) {
            BigInteger bits = i.value();
            for (int bit = bits.getLowestSetBit(); bit >= 0 && bit < bits.bitLength(); bit++) {
                if (bits.testBit(bit) && !controller.matches(CborInteger.of(bit), level)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof CborByteString b) {
            byte[] bytes = b.bytes();
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                if ((bytes[bit / 8] & (1 << (bit % 8))) != 0 && !controller.matches(CborInteger.of(bit), level)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
