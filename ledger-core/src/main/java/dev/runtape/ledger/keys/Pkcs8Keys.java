package dev.runtape.ledger.keys;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.EcdsaVerificationKey;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.EdDsaVerificationKey;
import dev.runtape.verifier.keys.P256SigningKey;
import dev.runtape.verifier.keys.SecretKeyAccess;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.BigIntegers;
import org.jspecify.annotations.Nullable;

/**
 * Private keys in PKCS#8 (RFC 5208, RFC 5958; Ed25519 per RFC 8410) and, for EC keys as OpenSSL writes them by
 * default, SEC 1 ({@code EC PRIVATE KEY}, RFC 5915). Only Ed25519 and P-256 keys are accepted: the keys a statement
 * may be signed with (decision 0003).
 */
final class Pkcs8Keys {

    private static final int SCALAR_BYTES = 32;

    private Pkcs8Keys() {
    }

    /** The key in a DER PrivateKeyInfo. */
    static SigningKey decode(byte[] der) throws FormatException {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw new FormatException("not a PKCS#8 private key: " + e.getMessage(), e);
        }
        return decode(info);
    }

    static SigningKey decode(PrivateKeyInfo info) throws FormatException {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        SigningKey key;
        try {
            if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
                byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
                key = Ed25519SigningKey.of(seed, SecretKeyAccess.insecure());
                if (info.hasPublicKey()) {
                    requireSamePublicKey(info.getPublicKeyData().getOctets(),
                            ((EdDsaVerificationKey) key.verificationKey()).x());
                }
            } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                key = ecKey(ECPrivateKey.getInstance(info.parsePrivateKey()), algorithm.getParameters());
            } else {
                throw new FormatException("unsupported key type " + keyTypeName(oid) + " (supported: Ed25519, P-256)");
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new FormatException("malformed PKCS#8 private key: " + e.getMessage(), e);
        }
        return key;
    }

    /** The key in a DER SEC 1 ECPrivateKey, which names its curve itself. */
    static SigningKey decodeSec1(byte[] der) throws FormatException {
        try {
            ECPrivateKey key = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
            return ecKey(key, key.getParametersObject());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new FormatException("malformed EC private key: " + e.getMessage(), e);
        }
    }

    /** The DER PrivateKeyInfo of {@code key}, with its public key for EC keys as OpenSSL writes them. */
    static byte[] encode(SigningKey key) {
        byte[] secret = key.privateKeyBytes(SecretKeyAccess.insecure());
        try {
            PrivateKeyInfo info = switch (key) {
                case Ed25519SigningKey ed -> new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                        new DEROctetString(secret));
                case P256SigningKey ec -> new PrivateKeyInfo(
                        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                        new ECPrivateKey(256, new BigInteger(1, secret),
                                new DERBitString(uncompressed(ec.verificationKey())), null));
            };
            return info.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static SigningKey ecKey(ECPrivateKey ec, @Nullable ASN1Encodable parameters) throws FormatException {
        if (parameters == null) {
            throw new FormatException("the EC private key names no curve");
        }
        X962Parameters curve = X962Parameters.getInstance(parameters);
        if (!curve.isNamedCurve()) {
            throw new FormatException("unsupported EC key with explicit curve parameters (supported: the named curve "
                    + "P-256)");
        }
        ASN1ObjectIdentifier curveOid = ASN1ObjectIdentifier.getInstance(curve.getParameters());
        if (!curveOid.equals(SECObjectIdentifiers.secp256r1)) {
            throw new FormatException("unsupported EC curve " + curveName(curveOid) + " (supported: Ed25519, P-256)");
        }
        BigInteger d = ec.getKey();
        if (d.bitLength() > SCALAR_BYTES * 8) {
            throw new FormatException("a P-256 private key has at most 32 bytes");
        }
        P256SigningKey key = P256SigningKey.of(BigIntegers.asUnsignedByteArray(SCALAR_BYTES, d), SecretKeyAccess.insecure());
        @Nullable ASN1BitString publicKey = ec.getPublicKey();
        if (publicKey != null) {
            requireSamePublicKey(publicKey.getOctets(), uncompressed(key.verificationKey()));
        }
        return key;
    }

    private static byte[] uncompressed(EcdsaVerificationKey key) {
        byte[] point = new byte[1 + 2 * SCALAR_BYTES];
        point[0] = 0x04;
        System.arraycopy(key.x(), 0, point, 1, SCALAR_BYTES);
        System.arraycopy(key.y(), 0, point, 1 + SCALAR_BYTES, SCALAR_BYTES);
        return point;
    }

    /** A file whose public key is not the private key's is damaged or forged: refuse it rather than guess. */
    private static void requireSamePublicKey(byte[] stored, byte[] derived) throws FormatException {
        if (!MessageDigest.isEqual(stored, derived)) {
            throw new FormatException("the public key stored with the private key does not belong to it");
        }
    }

    private static String keyTypeName(ASN1ObjectIdentifier oid) {
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (oid.equals(EdECObjectIdentifiers.id_X25519) || oid.equals(EdECObjectIdentifiers.id_X448)) {
            return oid.equals(EdECObjectIdentifiers.id_X25519) ? "X25519" : "X448";
        }
        return oid.getId();
    }

    private static String curveName(ASN1ObjectIdentifier oid) {
        String name = ECNamedCurveTable.getName(oid);
        return name == null ? oid.getId() : name + " (" + oid.getId() + ")";
    }
}
