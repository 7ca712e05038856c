package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** A P-256 public key for ES256 (ECDSA with SHA-256, RFC 9053 §2.1). */
public final class P256VerificationKey implements VerificationKey {

    private final ECPublicKeyParameters key;
    private final byte[] x;
    private final byte[] y;
    private final Digest thumbprint;
    private final byte[] kid;

    private P256VerificationKey(ECPublicKeyParameters key, byte[] kid) {
        this.key = key;
        ECPoint point = key.getQ().normalize();
        this.x = P256.fixedWidth(point.getAffineXCoord().toBigInteger());
        this.y = P256.fixedWidth(point.getAffineYCoord().toBigInteger());
        this.thumbprint = KeyThumbprint.ec2(SignatureAlgorithm.ES256.coseCurve(), x, y);
        this.kid = kid.length == 0 ? thumbprint.bytes() : kid;
    }

    /**
     * The key at the affine point ({@code x}, {@code y}); its kid is its thumbprint.
     *
     * @throws FormatException if a coordinate is not 32 bytes or the point is not on the curve
     */
    public static P256VerificationKey of(byte[] x, byte[] y) throws FormatException {
        if (x.length != P256.FIELD_BYTES || y.length != P256.FIELD_BYTES) {
            throw new FormatException("a P-256 public key has 32-byte coordinates, not " + x.length + " and "
                    + y.length + " bytes");
        }
        try {
            ECPoint point = P256.DOMAIN.getCurve().validatePoint(new BigInteger(1, x), new BigInteger(1, y));
            return new P256VerificationKey(new ECPublicKeyParameters(point, P256.DOMAIN), new byte[0]);
        } catch (IllegalArgumentException e) {
            throw new FormatException("not a point on P-256: " + e.getMessage(), e);
        }
    }

    static P256VerificationKey of(ECPoint point) {
        return new P256VerificationKey(new ECPublicKeyParameters(point, P256.DOMAIN), new byte[0]);
    }

    /** The 32-byte affine x coordinate. */
    public byte[] x() {
        return x.clone();
    }

    /** The 32-byte affine y coordinate. */
    public byte[] y() {
        return y.clone();
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ES256;
    }

    @Override
    public byte[] kid() {
        return kid.clone();
    }

    @Override
    public Digest thumbprint() {
        return thumbprint;
    }

    @Override
    public P256VerificationKey withKid(byte[] newKid) {
        return new P256VerificationKey(key, newKid.clone());
    }

    @Override
    public void verify(byte[] message, byte[] signature) throws VerificationException {
        if (signature.length != 2 * P256.FIELD_BYTES) {
            throw new VerificationException("invalid signature");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, P256.FIELD_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, P256.FIELD_BYTES, signature.length));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        if (!verifier.verifySignature(Digest.sha256(message).bytes(), r, s)) {
            throw new VerificationException("invalid signature");
        }
    }

    @Override
    public boolean sameKeyAs(VerificationKey other) {
        return other instanceof P256VerificationKey that
                && MessageDigest.isEqual(x, that.x) && MessageDigest.isEqual(y, that.y);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof P256VerificationKey that && sameKeyAs(that) && MessageDigest.isEqual(kid, that.kid);
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }

    @Override
    public String toString() {
        return "P-256 public key " + thumbprint.hex();
    }
}
