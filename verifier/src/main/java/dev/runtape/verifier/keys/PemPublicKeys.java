package dev.runtape.verifier.keys;

import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.io.StringReader;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Public keys in PEM ({@code -----BEGIN PUBLIC KEY-----}, an X.509 SubjectPublicKeyInfo, RFC 7468 §13). */
public final class PemPublicKeys {

    private PemPublicKeys() {
    }

    /**
     * The EdDSA or ECDSA public key in {@code pem}.
     *
     * @throws FormatException if the text holds no public key block, or a key of another kind
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
            case Ed25519PublicKeyParameters ed -> EdDsaVerificationKey.of(Curve.ED25519, ed.getEncoded());
            case Ed448PublicKeyParameters ed -> EdDsaVerificationKey.of(Curve.ED448, ed.getEncoded());
            case ECPublicKeyParameters ec -> ecdsa(ec);
            default -> throw new FormatException("PEM: unsupported key type " + key.getClass().getSimpleName()
                    + " (supported: Ed25519, Ed448, P-256, P-384, P-521)");
        };
    }

    private static VerificationKey ecdsa(ECPublicKeyParameters key) throws FormatException {
        for (Curve curve : new Curve[] {Curve.P_256, Curve.P_384, Curve.P_521}) {
            if (EcCurves.of(curve).getN().equals(key.getParameters().getN())) {
                ECPoint point = key.getQ().normalize();
                int width = curve.coordinateLength();
                return EcdsaVerificationKey.of(curve,
                        EcCurves.fixedWidth(point.getAffineXCoord().toBigInteger(), width),
                        EcCurves.fixedWidth(point.getAffineYCoord().toBigInteger(), width));
            }
        }
        throw new FormatException("PEM: unsupported elliptic curve (supported: P-256, P-384, P-521)");
    }
}
