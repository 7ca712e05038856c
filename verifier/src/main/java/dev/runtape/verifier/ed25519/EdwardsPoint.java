package dev.runtape.verifier.ed25519;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.jspecify.annotations.Nullable;

/**
 * A point of edwards25519 in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, x·y = T/Z, with the formulas of
 * RFC 8032 §5.1.4. Mutable, and for this package only: the multiplication reuses points instead of allocating one
 * per addition. Every sum and difference is carried before it is multiplied, so that Bouncy Castle's limbs stay in
 * the range its multiplication is written for.
 */
final class EdwardsPoint {

    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    /** d = -121665/121666 (RFC 8032 §5.1). */
    private static final BigInteger D_VALUE = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final int[] D = field(D_VALUE);
    private static final int[] D2 = field(D_VALUE.shiftLeft(1).mod(P));

    /** The base point B: y = 4/5, x even (RFC 8032 §5.1). */
    static final EdwardsPoint BASE = decodeBase();

    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();

    /** The neutral element (0:1:1:0). */
    static EdwardsPoint identity() {
        EdwardsPoint p = new EdwardsPoint();
        X25519Field.one(p.y);
        X25519Field.one(p.z);
        return p;
    }

    /**
     * Decodes a point (RFC 8032 §5.1.3): the y coordinate with the sign of x in its top bit.
     *
     * @return null when the 32 bytes at {@code offset} are not the canonical encoding of a point of the curve
     */
    static @Nullable EdwardsPoint decode(byte[] encoded, int offset) {
        if (!belowP(encoded, offset)) {
            return null;
        }
        EdwardsPoint p = new EdwardsPoint();
        X25519Field.decode(encoded, offset, p.y);
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(p.y, u);
        X25519Field.mul(u, D, v);
        X25519Field.subOne(u);
        X25519Field.addOne(v);
        X25519Field.carry(u);
        X25519Field.carry(v);
        if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
            return null;
        }
        X25519Field.normalize(p.x);
        int sign = (encoded[offset + 31] >>> 7) & 1;
        if (X25519Field.isZeroVar(p.x) && sign == 1) {
            return null;
        }
        if (parity(p.x) != sign) {
            X25519Field.negate(p.x, p.x);
            X25519Field.normalize(p.x);
        }
        X25519Field.one(p.z);
        X25519Field.mul(p.x, p.y, p.t);
        return p;
    }

    /** This point's negative, -(x, y) = (-x, y). */
    EdwardsPoint negate() {
        EdwardsPoint n = new EdwardsPoint();
        X25519Field.negate(x, n.x);
        X25519Field.copy(y, 0, n.y, 0);
        X25519Field.copy(z, 0, n.z, 0);
        X25519Field.negate(t, n.t);
        return n;
    }

    /** This point with what adding it needs computed once: (Y+X, Y-X, 2d·T, 2Z). */
    Cached cached() {
        Cached c = new Cached();
        plusMinus(y, x, c.yPlusX, c.yMinusX);
        X25519Field.mul(t, D2, c.t2d);
        X25519Field.add(z, z, c.z2);
        X25519Field.carry(c.z2);
        return c;
    }

    /** this += q. */
    void add(Cached q, Scratch s) {
        plusMinus(y, x, s.b, s.a);
        X25519Field.mul(s.a, q.yMinusX, s.a);
        X25519Field.mul(s.b, q.yPlusX, s.b);
        X25519Field.mul(t, q.t2d, s.c);
        X25519Field.mul(z, q.z2, s.d);
        finish(s);
    }

    /** this -= q. */
    void subtract(Cached q, Scratch s) {
        plusMinus(y, x, s.b, s.a);
        X25519Field.mul(s.a, q.yPlusX, s.a);
        X25519Field.mul(s.b, q.yMinusX, s.b);
        X25519Field.mul(t, q.t2d, s.c);
        X25519Field.negate(s.c, s.c);
        X25519Field.mul(z, q.z2, s.d);
        finish(s);
    }

    /** this += q, for a q that is not cached. */
    void add(EdwardsPoint q, Scratch s) {
        plusMinus(q.y, q.x, s.f, s.e);
        plusMinus(y, x, s.b, s.a);
        X25519Field.mul(s.a, s.e, s.a);
        X25519Field.mul(s.b, s.f, s.b);
        X25519Field.mul(t, q.t, s.c);
        X25519Field.mul(s.c, D2, s.c);
        X25519Field.mul(z, q.z, s.d);
        X25519Field.add(s.d, s.d, s.d);
        X25519Field.carry(s.d);
        finish(s);
    }

    /** E = B-A, F = D-C, G = D+C, H = B+A; X = E·F, Y = G·H, T = E·H, Z = F·G. */
    private void finish(Scratch s) {
        X25519Field.sub(s.b, s.a, s.e);
        X25519Field.sub(s.d, s.c, s.f);
        X25519Field.add(s.d, s.c, s.g);
        X25519Field.add(s.b, s.a, s.h);
        output(s, true);
    }

    /** this = 2·this; T is computed only when {@code withT}, since a doubling does not read it. */
    void twice(boolean withT, Scratch s) {
        X25519Field.sqr(x, s.a);
        X25519Field.sqr(y, s.b);
        X25519Field.sqr(z, s.c);
        X25519Field.add(s.c, s.c, s.c);
        X25519Field.add(s.a, s.b, s.h);
        X25519Field.add(x, y, s.e);
        X25519Field.carry(s.e);
        X25519Field.sqr(s.e, s.e);
        X25519Field.sub(s.h, s.e, s.e);
        X25519Field.sub(s.a, s.b, s.g);
        X25519Field.add(s.c, s.g, s.f);
        output(s, withT);
    }

    /** From E, F, G, H, carried first: X = E·F, Y = G·H, Z = F·G, and T = E·H when {@code withT}. */
    private void output(Scratch s, boolean withT) {
        X25519Field.carry(s.e);
        X25519Field.carry(s.f);
        X25519Field.carry(s.g);
        X25519Field.carry(s.h);
        X25519Field.mul(s.e, s.f, x);
        X25519Field.mul(s.g, s.h, y);
        X25519Field.mul(s.f, s.g, z);
        if (withT) {
            X25519Field.mul(s.e, s.h, t);
        }
    }

    /** plus = y + x and minus = y - x, carried. */
    private static void plusMinus(int[] y, int[] x, int[] plus, int[] minus) {
        X25519Field.add(y, x, plus);
        X25519Field.sub(y, x, minus);
        X25519Field.carry(plus);
        X25519Field.carry(minus);
    }

    /** Whether this is the neutral element: X = 0 and Y = Z. */
    boolean isIdentity() {
        int[] x0 = X25519Field.create();
        int[] yz = X25519Field.create();
        X25519Field.copy(x, 0, x0, 0);
        X25519Field.normalize(x0);
        X25519Field.sub(y, z, yz);
        X25519Field.normalize(yz);
        return X25519Field.isZeroVar(x0) && X25519Field.isZeroVar(yz);
    }

    /** The 32-byte encoding (RFC 8032 §5.1.2), for tests. */
    byte[] encode() {
        int[] zi = X25519Field.create();
        int[] ax = X25519Field.create();
        int[] ay = X25519Field.create();
        X25519Field.inv(z, zi);
        X25519Field.mul(x, zi, ax);
        X25519Field.mul(y, zi, ay);
        X25519Field.normalize(ax);
        X25519Field.normalize(ay);
        byte[] out = new byte[32];
        X25519Field.encode(ay, out, 0);
        out[31] |= (byte) (parity(ax) << 7);
        return out;
    }

    /** An addend prepared once: (Y+X, Y-X, 2d·T, 2Z). */
    static final class Cached {
        final int[] yPlusX = X25519Field.create();
        final int[] yMinusX = X25519Field.create();
        final int[] t2d = X25519Field.create();
        final int[] z2 = X25519Field.create();
    }

    /** The temporaries of one thread's additions and doublings. */
    static final class Scratch {
        final int[] a = X25519Field.create();
        final int[] b = X25519Field.create();
        final int[] c = X25519Field.create();
        final int[] d = X25519Field.create();
        final int[] e = X25519Field.create();
        final int[] f = X25519Field.create();
        final int[] g = X25519Field.create();
        final int[] h = X25519Field.create();
    }

    /** Copies {@code other} into this. */
    void set(EdwardsPoint other) {
        X25519Field.copy(other.x, 0, x, 0);
        X25519Field.copy(other.y, 0, y, 0);
        X25519Field.copy(other.z, 0, z, 0);
        X25519Field.copy(other.t, 0, t, 0);
    }

    private static int parity(int[] normalized) {
        byte[] bytes = new byte[32];
        X25519Field.encode(normalized, bytes, 0);
        return bytes[0] & 1;
    }

    /** Whether the 255-bit little-endian integer at {@code offset} (top bit ignored) is below p = 2^255 - 19. */
    private static boolean belowP(byte[] encoded, int offset) {
        if ((encoded[offset + 31] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if (encoded[offset + i] != (byte) 0xff) {
                return true;
            }
        }
        return (encoded[offset] & 0xff) < 0xed;
    }

    private static int[] field(BigInteger value) {
        int[] f = X25519Field.create();
        X25519Field.decode(littleEndian(value), 0, f);
        return f;
    }

    /** The 32 least significant bytes of a non-negative {@code value}, little-endian. */
    static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static EdwardsPoint decodeBase() {
        byte[] encoded = littleEndian(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P));
        EdwardsPoint base = decode(encoded, 0);
        if (base == null) {
            throw new ExceptionInInitializerError("the base point does not decode");
        }
        return base;
    }
}
