package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An ECDSA public key on P-256, P-384 or P-521 (RFC 9053 §2.1). It checks any of ES256, ES384 and ES512: COSE lets
 * a message pair a hash with another curve (cose-wg's ecdsa-sig-04 signs ES512 with a P-256 key).
 */
public final class EcdsaVerificationKey extends KeyIdentity implements VerificationKey {

    private final ECPublicKeyParameters key;
    private final byte[] x;
    private final byte[] y;

    private EcdsaVerificationKey(Curve curve, ECPublicKeyParameters key, byte[] x, byte[] y, byte[] kid) {
        super(curve, KeyThumbprint.ec2(curve, x, y), kid);
        this.key = key;
        this.x = x;
        this.y = y;
    }

    private EcdsaVerificationKey(Curve curve, ECPublicKeyParameters key, byte[] kid) {
        this(curve, key, coordinate(key, curve, true), coordinate(key, curve, false), kid);
    }

    private static byte[] coordinate(ECPublicKeyParameters key, Curve curve, boolean x) {
        ECPoint point = key.getQ().normalize();
        return EcCurves.fixedWidth((x ? point.getAffineXCoord() : point.getAffineYCoord()).toBigInteger(),
                curve.coordinateLength());
    }

    /** A P-256 key at the affine point ({@code x}, {@code y}); its kid is its thumbprint. */
    public static EcdsaVerificationKey p256(byte[] x, byte[] y) throws FormatException {
        return of(Curve.P_256, x, y);
    }

    /**
     * The key on {@code curve} at the affine point ({@code x}, {@code y}); its kid is its thumbprint.
     *
     * @throws FormatException if {@code curve} is not a NIST curve, a coordinate has the wrong length, or the point
     *     is not on the curve
     */
    public static EcdsaVerificationKey of(Curve curve, byte[] x, byte[] y) throws FormatException {
        if (curve.keyType() != Curve.KeyType.EC2) {
            throw new FormatException(curve + " is not an ECDSA curve");
        }
        int length = curve.coordinateLength();
        if (x.length != length || y.length != length) {
            throw new FormatException("a " + curve + " public key has " + length + "-byte coordinates, not "
                    + x.length + " and " + y.length + " bytes");
        }
        ECDomainParameters domain = EcCurves.of(curve);
        try {
            ECPoint point = domain.getCurve().validatePoint(new BigInteger(1, x), new BigInteger(1, y));
            return new EcdsaVerificationKey(curve, new ECPublicKeyParameters(point, domain), new byte[0]);
        } catch (IllegalArgumentException e) {
            throw new FormatException("not a point on " + curve + ": " + e.getMessage(), e);
        }
    }

    static EcdsaVerificationKey of(Curve curve, ECPoint point) {
        return new EcdsaVerificationKey(curve, new ECPublicKeyParameters(point, EcCurves.of(curve)), new byte[0]);
    }

    /** The affine x coordinate, fixed width. */
    public byte[] x() {
        return x.clone();
    }

    /** The affine y coordinate, fixed width. */
    public byte[] y() {
        return y.clone();
    }

    @Override
    public EcdsaVerificationKey withKid(byte[] newKid) {
        return new EcdsaVerificationKey(curve, key, x, y, newKid.clone());
    }

    @Override
    public void verify(SignatureAlgorithm algorithm, byte[] message, byte[] signature) throws VerificationException {
        if (!curve.accepts(algorithm)) {
            throw new VerificationException("algorithm " + algorithm + " does not fit a " + curve + " key");
        }
        int half = curve.coordinateLength();
        if (signature.length != 2 * half) {
            throw new VerificationException("invalid signature");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        if (!verifier.verifySignature(hash(algorithm, message), r, s)) {
            throw new VerificationException("invalid signature");
        }
    }

    private static byte[] hash(SignatureAlgorithm algorithm, byte[] message) {
        if (algorithm == SignatureAlgorithm.ES256) {
            return Digest.sha256(message).bytes();
        }
        try {
            return MessageDigest.getInstance(algorithm.ecdsaHash()).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm.ecdsaHash(), e);
        }
    }

    @Override
    public boolean sameKeyAs(VerificationKey other) {
        return other instanceof EcdsaVerificationKey that && curve == that.curve
                && MessageDigest.isEqual(x, that.x) && MessageDigest.isEqual(y, that.y);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EcdsaVerificationKey that && sameKeyAs(that) && sameKid(that);
    }
}
