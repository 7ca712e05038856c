package dev.runtape.verifier.keys;

import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.io.StringReader;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Public keys in PEM ({@code -----BEGIN PUBLIC KEY-----}, an X.509 SubjectPublicKeyInfo, RFC 7468 §13). */
public final class PemPublicKeys {

    private PemPublicKeys() {
    }

    /**
     * The Ed25519 or P-256 public key in {@code pem}.
     *
     * @throws FormatException if the text holds no public key block or a key of another kind
     */
    public static VerificationKey decode(String pem) throws FormatException {
        PemObject block;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            block = reader.readPemObject();
        } catch (IOException e) {
            throw new FormatException("PEM: " + e.getMessage(), e);
        }
        if (block == null || !block.getType().equals("PUBLIC KEY")) {
            throw new FormatException("PEM: expected a PUBLIC KEY block"
                    + (block == null ? "" : ", found " + block.getType()));
        }
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(block.getContent()));
        } catch (IOException | RuntimeException e) {
            throw new FormatException("PEM: not a supported public key: " + e.getMessage(), e);
        }
        return switch (key) {
            case Ed25519PublicKeyParameters ed -> Ed25519VerificationKey.of(ed.getEncoded());
            case ECPublicKeyParameters ec when ec.getParameters().getCurve().getFieldSize() == 256
                    && ec.getParameters().getN().equals(P256.DOMAIN.getN()) -> {
                var point = ec.getQ().normalize();
                yield P256VerificationKey.of(P256.fixedWidth(point.getAffineXCoord().toBigInteger()),
                        P256.fixedWidth(point.getAffineYCoord().toBigInteger()));
            }
            default -> throw new FormatException("PEM: unsupported key type " + key.getClass().getSimpleName()
                    + " (supported: Ed25519 and P-256)");
        };
    }
}
