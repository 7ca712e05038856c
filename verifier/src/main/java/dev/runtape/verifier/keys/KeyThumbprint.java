package dev.runtape.verifier.keys;

import dev.runtape.verifier.Digest;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;

/**
 * RFC 9679 COSE Key Thumbprints: SHA-256 over the deterministic encoding of only the required parameters of the
 * public key (OKP: kty, crv, x; EC2: kty, crv, x, y). The key id and any other parameter are left out, so the
 * thumbprint names the key itself.
 */
public final class KeyThumbprint {

    private KeyThumbprint() {
    }

    /** The thumbprint of an OKP (Ed25519) public key. */
    static Digest okp(Curve curve, byte[] x) {
        return Digest.sha256(requiredParameters(curve, x).build().encode());
    }

    /** The thumbprint of an EC2 public key. */
    static Digest ec2(Curve curve, byte[] x, byte[] y) {
        CborMap.Builder parameters = requiredParameters(curve, x);
        return Digest.sha256(parameters.put(CoseKeyLabels.Y, new CborByteString(y)).build().encode());
    }

    /** The RFC 9679 thumbprint URI of a key: {@code urn:ietf:params:oauth:ckt:sha-256:} and the base64url digest. */
    public static String uri(VerificationKey key) {
        return "urn:ietf:params:oauth:ckt:sha-256:"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.thumbprint().bytes());
    }

    private static CborMap.Builder requiredParameters(Curve curve, byte[] x) {
        return CborMap.builder()
                .put(CoseKeyLabels.KTY, CborInteger.of(curve.keyType().coseId()))
                .put(CoseKeyLabels.CRV, CborInteger.of(curve.coseId()))
                .put(CoseKeyLabels.X, new CborByteString(x));
    }
}
