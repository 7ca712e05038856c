package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 public key (RFC 8032), verified with Bouncy Castle's lightweight implementation. */
public final class Ed25519VerificationKey implements VerificationKey {

    /** The length of an encoded Ed25519 public key and of half a signature. */
    public static final int KEY_LENGTH = 32;
    private static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters key;
    private final byte[] encoded;
    private final Digest thumbprint;
    private final byte[] kid;

    private Ed25519VerificationKey(Ed25519PublicKeyParameters key, byte[] encoded, byte[] kid) {
        this.key = key;
        this.encoded = encoded;
        this.thumbprint = KeyThumbprint.okp(SignatureAlgorithm.EDDSA.coseCurve(), encoded);
        this.kid = kid.length == 0 ? thumbprint.bytes() : kid;
    }

    /**
     * The key whose encoding (RFC 8032 §5.1.5) is {@code x}; its kid is its thumbprint.
     *
     * @throws FormatException if {@code x} is not 32 bytes or not a point on the curve
     */
    public static Ed25519VerificationKey of(byte[] x) throws FormatException {
        if (x.length != KEY_LENGTH) {
            throw new FormatException("an Ed25519 public key has " + KEY_LENGTH + " bytes, not " + x.length);
        }
        byte[] copy = x.clone();
        if (!Ed25519.validatePublicKeyFull(copy, 0)) {
            throw new FormatException("not an Ed25519 public key: " + HexFormat.of().formatHex(copy));
        }
        return new Ed25519VerificationKey(new Ed25519PublicKeyParameters(copy), copy, new byte[0]);
    }

    static Ed25519VerificationKey of(Ed25519PublicKeyParameters key) {
        return new Ed25519VerificationKey(key, key.getEncoded(), new byte[0]);
    }

    /** The 32-byte encoded public key (the COSE_Key and JWK {@code x}). */
    public byte[] x() {
        return encoded.clone();
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.EDDSA;
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
    public Ed25519VerificationKey withKid(byte[] newKid) {
        return new Ed25519VerificationKey(key, encoded, newKid.clone());
    }

    @Override
    public void verify(byte[] message, byte[] signature) throws VerificationException {
        if (signature.length != SIGNATURE_LENGTH
                || !key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
            throw new VerificationException("invalid signature");
        }
    }

    @Override
    public boolean sameKeyAs(VerificationKey other) {
        return other instanceof Ed25519VerificationKey that && MessageDigest.isEqual(encoded, that.encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519VerificationKey that && sameKeyAs(that)
                && MessageDigest.isEqual(kid, that.kid);
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519 public key " + thumbprint.hex();
    }
}
