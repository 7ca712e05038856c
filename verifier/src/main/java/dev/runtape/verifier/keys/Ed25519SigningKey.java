package dev.runtape.verifier.keys;

import dev.runtape.verifier.FormatException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 private key (RFC 8032). Signatures are deterministic. */
public final class Ed25519SigningKey implements SigningKey {

    private final Ed25519PrivateKeyParameters key;
    private final Ed25519PublicKeyParameters publicParameters;
    private final EdDsaVerificationKey verificationKey;

    private Ed25519SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        // Derived once: Bouncy Castle otherwise recomputes the public key on every signature.
        this.publicParameters = key.generatePublicKey();
        EdDsaVerificationKey publicKey;
        try {
            publicKey = EdDsaVerificationKey.ed25519(publicParameters.getEncoded());
        } catch (FormatException e) {
            throw new IllegalStateException("Bouncy Castle derived an invalid Ed25519 public key", e);
        }
        this.verificationKey = publicKey;
    }

    public static Ed25519SigningKey generate(SecureRandom random) {
        return new Ed25519SigningKey(new Ed25519PrivateKeyParameters(random));
    }

    /**
     * The key with this 32-byte seed.
     *
     * @throws FormatException if {@code seed} is not 32 bytes
     */
    public static Ed25519SigningKey of(byte[] seed, SecretKeyAccess access) throws FormatException {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new FormatException("an Ed25519 private key has " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes, not " + seed.length);
        }
        return new Ed25519SigningKey(new Ed25519PrivateKeyParameters(seed.clone()));
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.EDDSA;
    }

    @Override
    public EdDsaVerificationKey verificationKey() {
        return verificationKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, publicParameters, null, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public byte[] privateKeyBytes(SecretKeyAccess access) {
        return key.getEncoded();
    }

    @Override
    public String toString() {
        return "Ed25519 private key for " + verificationKey.thumbprint().hex();
    }
}
