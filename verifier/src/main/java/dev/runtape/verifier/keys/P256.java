package dev.runtape.verifier.keys;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The P-256 curve with Bouncy Castle's custom (fast) field arithmetic, and the fixed-width r ‖ s encoding. */
final class P256 {

    /** Bytes in a coordinate, a scalar, and each half of a signature. */
    static final int FIELD_BYTES = 32;

    static final ECDomainParameters DOMAIN;

    static {
        X9ECParameters curve = CustomNamedCurves.getByName("P-256");
        DOMAIN = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(), curve.getSeed());
    }

    private P256() {
    }

    /** {@code value} as exactly {@link #FIELD_BYTES} big-endian bytes. */
    static byte[] fixedWidth(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[FIELD_BYTES];
        int copy = Math.min(bytes.length, FIELD_BYTES);
        System.arraycopy(bytes, bytes.length - copy, fixed, FIELD_BYTES - copy, copy);
        return fixed;
    }
}
