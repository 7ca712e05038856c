package dev.runtape.verifier.keys;

import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Public keys as COSE_Key (RFC 9052 §7) and COSE_KeySet. A key is written with kty, kid, alg, crv, x (and y); a
 * key that carries a private part ({@code d}) is refused, so a secret cannot arrive through a public key path.
 */
public final class CoseKeyCodec {

    private CoseKeyCodec() {
    }

    public static CborMap encode(VerificationKey key) {
        Curve curve = key.curve();
        CborMap.Builder map = CborMap.builder()
                .put(CoseKeyLabels.KTY, CborInteger.of(curve.keyType().coseId()))
                .put(CoseKeyLabels.KID, new CborByteString(key.kid()))
                .put(CoseKeyLabels.ALG, CborInteger.of(key.algorithm().coseId()))
                .put(CoseKeyLabels.CRV, CborInteger.of(curve.coseId()));
        switch (key) {
            case EdDsaVerificationKey ed -> map.put(CoseKeyLabels.X, new CborByteString(ed.x()));
            case EcdsaVerificationKey ec -> map.put(CoseKeyLabels.X, new CborByteString(ec.x()))
                    .put(CoseKeyLabels.Y, new CborByteString(ec.y()));
        }
        return map.build();
    }

    public static CborArray encodeSet(KeySet keys) {
        List<CborValue> items = new ArrayList<>();
        keys.keys().forEach(key -> items.add(encode(key)));
        return new CborArray(items);
    }

    /** A COSE_Key from its encoded bytes (any well-formed encoding). */
    public static VerificationKey decode(byte[] bytes) throws FormatException {
        CborValue value = CborInput.decode(bytes, CborProfile.WELL_FORMED, "COSE_Key");
        return decode(value);
    }

    /**
     * A public key from a COSE_Key map.
     *
     * @throws FormatException naming the parameter that is missing, of the wrong type, or unsupported
     */
    public static VerificationKey decode(CborValue value) throws FormatException {
        if (!(value instanceof CborMap map)) {
            throw new FormatException("COSE_Key: expected a map, found " + value);
        }
        if (map.get(CoseKeyLabels.D).isPresent()) {
            throw new FormatException("COSE_Key: holds a private key (label -4); only public keys are accepted here");
        }
        long kty = integer(map, CoseKeyLabels.KTY, "kty");
        long crv = integer(map, CoseKeyLabels.CRV, "crv");
        Curve curve = Curve.ofCose(kty, crv).orElseThrow(() ->
                new FormatException("COSE_Key: unsupported key type " + kty + " with curve " + crv
                        + " (supported: OKP with Ed25519 or Ed448, EC2 with P-256, P-384 or P-521)"));
        if (map.get(CoseKeyLabels.ALG).isPresent()) {
            long alg = integer(map, CoseKeyLabels.ALG, "alg");
            if (SignatureAlgorithm.ofCoseId(alg).filter(curve::accepts).isEmpty()) {
                throw new FormatException("COSE_Key: alg " + alg + " does not fit a key on " + curve);
            }
        }
        byte[] x = bytes(map, CoseKeyLabels.X, "x");
        VerificationKey key;
        try {
            key = switch (curve.keyType()) {
                case OKP -> EdDsaVerificationKey.of(curve, x);
                case EC2 -> EcdsaVerificationKey.of(curve, x, bytes(map, CoseKeyLabels.Y, "y"));
            };
        } catch (FormatException e) {
            throw e.getMessage().startsWith("COSE_Key") ? e : e.within("COSE_Key");
        }
        if (map.get(CoseKeyLabels.KID).isPresent()) {
            return key.withKid(bytes(map, CoseKeyLabels.KID, "kid"));
        }
        return key;
    }

    /** A COSE_KeySet from its encoded bytes. */
    public static KeySet decodeSet(byte[] bytes) throws FormatException {
        CborValue value = CborInput.decode(bytes, CborProfile.WELL_FORMED, "COSE_KeySet");
        if (!(value instanceof CborArray array) || array.size() == 0) {
            throw new FormatException("COSE_KeySet: expected a non-empty array of COSE_Key");
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                keys.add(decode(array.get(i)));
            } catch (FormatException e) {
                throw e.within("COSE_KeySet[" + i + "]");
            }
        }
        return new KeySet(keys);
    }

    private static long integer(CborMap map, long label, String name) throws FormatException {
        CborValue value = map.get(label).orElseThrow(() ->
                new FormatException("COSE_Key: missing " + name + " (label " + label + ")"));
        if (value instanceof CborInteger i && i.fitsLong()) {
            return i.longValueExact();
        }
        if (value instanceof CborTextString) {
            throw new FormatException("COSE_Key: " + name + " (label " + label + ") as text " + value
                    + " is not supported; expected an integer");
        }
        throw new FormatException("COSE_Key: " + name + " (label " + label + ") must be an integer, found " + value);
    }

    private static byte[] bytes(CborMap map, long label, String name) throws FormatException {
        CborValue value = map.get(label).orElseThrow(() ->
                new FormatException("COSE_Key: missing " + name + " (label " + label + ")"));
        if (value instanceof CborByteString b) {
            return b.bytes();
        }
        throw new FormatException("COSE_Key: " + name + " (label " + label + ") must be a byte string, found " + value);
    }
}
