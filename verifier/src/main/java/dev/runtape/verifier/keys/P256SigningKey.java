package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A P-256 private key for ES256. The nonce is derived from the key and message (RFC 6979), so signing needs no
 * random source and cannot leak the key through a weak one.
 */
public final class P256SigningKey implements SigningKey {

    private static final int FIELD_BYTES = 32;

    private final ECPrivateKeyParameters key;
    private final EcdsaVerificationKey verificationKey;

    private P256SigningKey(BigInteger d) {
        this.key = new ECPrivateKeyParameters(d, EcCurves.P_256);
        this.verificationKey = EcdsaVerificationKey.of(Curve.P_256,
                new FixedPointCombMultiplier().multiply(EcCurves.P_256.getG(), d));
    }

    public static P256SigningKey generate(SecureRandom random) {
        BigInteger n = EcCurves.P_256.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        return new P256SigningKey(d);
    }

    /**
     * The key with this 32-byte big-endian scalar.
     *
     * @throws FormatException if {@code scalar} is not 32 bytes or not in [1, n-1]
     */
    public static P256SigningKey of(byte[] scalar, SecretKeyAccess access) throws FormatException {
        if (scalar.length != FIELD_BYTES) {
            throw new FormatException("a P-256 private key has 32 bytes, not " + scalar.length);
        }
        BigInteger d = new BigInteger(1, scalar);
        if (d.signum() == 0 || d.compareTo(EcCurves.P_256.getN()) >= 0) {
            throw new FormatException("a P-256 private key must lie in [1, n-1]");
        }
        return new P256SigningKey(d);
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ES256;
    }

    @Override
    public EcdsaVerificationKey verificationKey() {
        return verificationKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(Digest.sha256(message).bytes());
        byte[] signature = new byte[2 * FIELD_BYTES];
        System.arraycopy(EcCurves.fixedWidth(rs[0], FIELD_BYTES), 0, signature, 0, FIELD_BYTES);
        System.arraycopy(EcCurves.fixedWidth(rs[1], FIELD_BYTES), 0, signature, FIELD_BYTES, FIELD_BYTES);
        return signature;
    }

    @Override
    public byte[] privateKeyBytes(SecretKeyAccess access) {
        return EcCurves.fixedWidth(key.getD(), FIELD_BYTES);
    }

    @Override
    public String toString() {
        return "P-256 private key for " + verificationKey.thumbprint().hex();
    }
}
