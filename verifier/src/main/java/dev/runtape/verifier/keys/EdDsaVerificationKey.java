package dev.runtape.verifier.keys;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.ed25519.Ed25519Batch;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;
import org.jspecify.annotations.Nullable;

/** An EdDSA public key (RFC 8032) on Ed25519 or Ed448, verified with Bouncy Castle's lightweight implementation. */
public final class EdDsaVerificationKey extends KeyIdentity implements VerificationKey {

    private final byte[] encoded;
    private final @Nullable Ed25519PublicKeyParameters ed25519;
    private final @Nullable Ed448PublicKeyParameters ed448;
    private final Ed25519Batch.@Nullable PublicKey batchKey;

    private EdDsaVerificationKey(Curve curve, byte[] encoded, byte[] kid) {
        super(curve, KeyThumbprint.okp(curve, encoded), kid);
        this.encoded = encoded;
        // Decoded once here: verifying then skips point decompression.
        this.ed25519 = curve == Curve.ED25519 ? new Ed25519PublicKeyParameters(encoded) : null;
        this.ed448 = curve == Curve.ED448 ? new Ed448PublicKeyParameters(encoded) : null;
        this.batchKey = curve == Curve.ED25519 ? Ed25519Batch.PublicKey.decode(encoded) : null;
    }

    /** An Ed25519 key from its 32-byte encoding; its kid is its thumbprint. */
    public static EdDsaVerificationKey ed25519(byte[] x) throws FormatException {
        return of(Curve.ED25519, x);
    }

    /**
     * The key on {@code curve} whose encoding (RFC 8032 §5.1.5, §5.2.5) is {@code x}; its kid is its thumbprint.
     *
     * @throws FormatException if {@code curve} is not an EdDSA curve, or {@code x} has the wrong length or is not
     *     a valid point
     */
    public static EdDsaVerificationKey of(Curve curve, byte[] x) throws FormatException {
        if (curve.keyType() != Curve.KeyType.OKP) {
            throw new FormatException(curve + " is not an EdDSA curve");
        }
        if (x.length != curve.coordinateLength()) {
            throw new FormatException("an " + curve + " public key has " + curve.coordinateLength() + " bytes, not "
                    + x.length);
        }
        byte[] copy = x.clone();
        boolean valid = curve == Curve.ED25519
                ? Ed25519.validatePublicKeyFull(copy, 0)
                : Ed448.validatePublicKeyFull(copy, 0);
        if (!valid) {
            throw new FormatException("not an " + curve + " public key: " + HexFormat.of().formatHex(copy));
        }
        return new EdDsaVerificationKey(curve, copy, new byte[0]);
    }

    /** The encoded public key (the COSE_Key and JWK {@code x}). */
    public byte[] x() {
        return encoded.clone();
    }

    @Override
    public EdDsaVerificationKey withKid(byte[] newKid) {
        return new EdDsaVerificationKey(curve, encoded, newKid.clone());
    }

    @Override
    public void verify(SignatureAlgorithm algorithm, byte[] message, byte[] signature) throws VerificationException {
        if (!curve.accepts(algorithm)) {
            throw new VerificationException("algorithm " + algorithm + " does not fit an " + curve + " key");
        }
        boolean valid = ed25519 != null
                ? signature.length == Ed25519.SIGNATURE_SIZE
                        && ed25519.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)
                : ed448 != null && signature.length == Ed448.SIGNATURE_SIZE
                        && ed448.verify(Ed448.Algorithm.Ed448, new byte[0], message, 0, message.length, signature, 0);
        if (!valid) {
            throw new VerificationException("invalid signature");
        }
    }

    /** This key for verifying many Ed25519 signatures at once; empty for an Ed448 key. */
    public Optional<Ed25519Batch.PublicKey> batchKey() {
        return Optional.ofNullable(batchKey);
    }

    @Override
    public boolean sameKeyAs(VerificationKey other) {
        return other instanceof EdDsaVerificationKey that && curve == that.curve
                && MessageDigest.isEqual(encoded, that.encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdDsaVerificationKey that && sameKeyAs(that) && sameKid(that);
    }
}
