package dev.runtape.schemas.cddl.internal;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborValue;
import java.util.HashSet;
import java.util.Set;

/**
 * The members of a map that entries of a group have claimed. Matching tries group choices and optional groups on
 * copies and keeps the one that works, so copying must be cheap: a map of up to 64 members is tracked in one
 * {@code long} by position; a larger one in a hash set.
 */
final class Claims {

    private static final int BITS = 64;

    private final CborMap map;
    private long bits;
    private final Set<CborValue> large;

    private Claims(CborMap map, long bits, Set<CborValue> large) {
        this.map = map;
        this.bits = bits;
        this.large = large;
    }

    static Claims none(CborMap map) {
        return new Claims(map, 0, map.size() <= BITS ? Set.of() : new HashSet<>());
    }

    Claims copy() {
        return new Claims(map, bits, map.size() <= BITS ? large : new HashSet<>(large));
    }

    boolean contains(CborValue key) {
        if (map.size() > BITS) {
            return large.contains(key);
        }
        int i = map.indexOf(key);
        return i >= 0 && (bits & (1L << i)) != 0;
    }

    void add(CborValue key) {
        if (map.size() > BITS) {
            large.add(key);
            return;
        }
        int i = map.indexOf(key);
        if (i >= 0) {
            bits |= 1L << i;
        }
    }

    int size() {
        return map.size() > BITS ? large.size() : Long.bitCount(bits);
    }
}
