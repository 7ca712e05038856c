package dev.runtape.verifier.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.FormatException;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.testing.TestKeys;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Public keys as COSE_Key and COSE_KeySet (RFC 9052 §7): round trips on every curve, and what is refused. */
class CoseKeyCodecTest {

    @ParameterizedTest
    @MethodSource("dev.runtape.verifier.keys.ExampleKeys#everyCurve")
    void aKeyDecodesFromItsCoseKeyToAnEqualKeyWithTheSameKid(VerificationKey key) throws Exception {
        VerificationKey decoded = CoseKeyCodec.decode(CoseKeyCodec.encode(key).encode());

        assertThat(decoded).isEqualTo(key);
        assertThat(decoded.kid()).isEqualTo(key.kid());
        assertThat(decoded.curve()).isEqualTo(key.curve());
        assertThat(decoded.thumbprint()).isEqualTo(key.thumbprint());
    }

    @ParameterizedTest
    @MethodSource("dev.runtape.verifier.keys.ExampleKeys#everyCurve")
    void aCoseKeyCarriesKtyKidAlgCrvAndTheCoordinates(VerificationKey key) {
        CborMap.Builder expected = CborMap.builder()
                .put(1, CborInteger.of(key.curve().keyType().coseId()))
                .put(2, new CborByteString(key.kid()))
                .put(3, CborInteger.of(key.curve().defaultAlgorithm().coseId()))
                .put(-1, CborInteger.of(key.curve().coseId()));
        switch (key) {
            case EdDsaVerificationKey ed -> expected.put(-2, new CborByteString(ed.x()));
            case EcdsaVerificationKey ec -> expected.put(-2, new CborByteString(ec.x()))
                    .put(-3, new CborByteString(ec.y()));
        }

        assertThat(CoseKeyCodec.encode(key)).isEqualTo(expected.build());
    }

    @Test
    void theCoseIdentifiersAreThoseOfTheIanaRegistries() {
        // kty: OKP 1, EC2 2; crv: P-256 1, P-384 2, P-521 3, Ed25519 6, Ed448 7; alg: EdDSA -8, ES256 -7.
        assertThat(CoseKeyCodec.encode(ExampleKeys.ed25519()).encode()).startsWith(0xa5, 0x01, 0x01);
        assertThat(List.of(Curve.P_256, Curve.P_384, Curve.P_521, Curve.ED25519, Curve.ED448))
                .extracting(Curve::coseId).containsExactly(1, 2, 3, 6, 7);
        assertThat(CoseKeyCodec.encode(ExampleKeys.p256()).get(3)).contains(CborInteger.of(-7));
        assertThat(CoseKeyCodec.encode(ExampleKeys.ed448()).get(3)).contains(CborInteger.of(-8));
    }

    @Test
    void aCoseKeyWithoutAKidIsNamedByItsThumbprint() throws Exception {
        VerificationKey key = ExampleKeys.p384();
        CborMap withoutKid = without(CoseKeyCodec.encode(key), 2);

        VerificationKey decoded = CoseKeyCodec.decode(withoutKid);

        assertThat(decoded.kid()).isEqualTo(key.thumbprint().bytes());
        assertThat(decoded.sameKeyAs(key)).isTrue();
    }

    @Test
    void aCoseKeyInANonDeterministicEncodingDecodes() throws Exception {
        VerificationKey key = ExampleKeys.ed25519();
        // {-2: x, -1: 6, 1: 1}: keys out of order, no kid, no alg.
        byte[] bytes = HexFormat.of().parseHex("a3" + "215820" + HexFormat.of().formatHex(((EdDsaVerificationKey) key).x())
                + "2006" + "0101");

        assertThat(CoseKeyCodec.decode(bytes).sameKeyAs(key)).isTrue();
    }

    @Test
    void aCoseKeySetRoundTripsEveryKeyInOrder() throws Exception {
        List<VerificationKey> keys = ExampleKeys.everyCurve().map(named -> named.getPayload()).toList();
        KeySet set = new KeySet(keys);

        KeySet decoded = CoseKeyCodec.decodeSet(CoseKeyCodec.encodeSet(set).encode());

        assertThat(decoded).isEqualTo(set);
        for (VerificationKey key : keys) {
            assertThat(decoded.find(key.kid())).contains(key);
        }
    }

    // Refusals.

    @Test
    void aPrivateKeyIsRefused() {
        P256SigningKey signing = TestKeys.p256("private");
        CborMap withD = with(CoseKeyCodec.encode(signing.verificationKey()), -4,
                new CborByteString(signing.privateKeyBytes(SecretKeyAccess.insecure())));

        assertRefused(withD, "COSE_Key: holds a private key (label -4); only public keys are accepted here");
    }

    @Test
    void anUnsupportedCurveIsRefused() {
        CborMap p256 = CoseKeyCodec.encode(ExampleKeys.p256());
        CborMap ed25519 = CoseKeyCodec.encode(ExampleKeys.ed25519());
        String supported = " (supported: OKP with Ed25519 or Ed448, EC2 with P-256, P-384 or P-521)";

        assertRefused(with(p256, -1, CborInteger.of(8)), "COSE_Key: unsupported key type 2 with curve 8" + supported);
        assertRefused(with(ed25519, -1, CborInteger.of(4)), "COSE_Key: unsupported key type 1 with curve 4" + supported);
        assertRefused(with(ed25519, 1, CborInteger.of(2)), "COSE_Key: unsupported key type 2 with curve 6" + supported);
        assertRefused(with(p256, 1, CborInteger.of(3)), "COSE_Key: unsupported key type 3 with curve 1" + supported);
    }

    @Test
    void aCoordinateOfTheWrongLengthIsRefused() {
        CborMap p256 = CoseKeyCodec.encode(ExampleKeys.p256());
        CborMap ed25519 = CoseKeyCodec.encode(ExampleKeys.ed25519());

        assertRefused(with(p256, -2, new CborByteString(new byte[31])),
                "COSE_Key: a P-256 public key has 32-byte coordinates, not 31 and 32 bytes");
        assertRefused(with(p256, -3, new CborByteString(new byte[33])),
                "COSE_Key: a P-256 public key has 32-byte coordinates, not 32 and 33 bytes");
        assertRefused(with(ed25519, -2, new CborByteString(new byte[33])), "COSE_Key: an Ed25519 public key has 32 bytes, not 33");
        // A P-384 key whose coordinates are the right length for P-256.
        assertRefused(with(p256, -1, CborInteger.of(2)),
                "COSE_Key: a P-384 public key has 48-byte coordinates, not 32 and 32 bytes");
    }

    @Test
    void aPointNotOnTheCurveIsRefused() {
        EcdsaVerificationKey key = (EcdsaVerificationKey) ExampleKeys.p256();
        byte[] y = key.y();
        y[31] ^= 1;

        assertThatThrownBy(() -> CoseKeyCodec.decode(with(CoseKeyCodec.encode(key), -3, new CborByteString(y))))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessageStartingWith("COSE_Key: not a point on P-256: ");
    }

    @Test
    void anEd25519EncodingThatIsNotAPointIsRefused() {
        // RFC 8032 §5.1.3: decoding fails when y >= p. This is y = p = 2^255 - 19, little-endian.
        String yEqualsP = "ed" + "ff".repeat(30) + "7f";
        CborMap map = with(CoseKeyCodec.encode(ExampleKeys.ed25519()), -2, new CborByteString(HexFormat.of().parseHex(yEqualsP)));

        assertRefused(map, "COSE_Key: not an Ed25519 public key: " + yEqualsP);
    }

    @Test
    void anAlgorithmThatDoesNotFitTheCurveIsRefused() {
        assertRefused(with(CoseKeyCodec.encode(ExampleKeys.ed25519()), 3, CborInteger.of(-7)),
                "COSE_Key: alg -7 does not fit a key on Ed25519");
        assertRefused(with(CoseKeyCodec.encode(ExampleKeys.p256()), 3, CborInteger.of(-8)),
                "COSE_Key: alg -8 does not fit a key on P-256");
        assertRefused(with(CoseKeyCodec.encode(ExampleKeys.p256()), 3, CborInteger.of(-257)),
                "COSE_Key: alg -257 does not fit a key on P-256");
    }

    @Test
    void aMissingParameterIsNamed() {
        CborMap p256 = CoseKeyCodec.encode(ExampleKeys.p256());

        assertRefused(without(p256, -2), "COSE_Key: missing x (label -2)");
        assertRefused(without(p256, -3), "COSE_Key: missing y (label -3)");
        assertRefused(without(p256, -1), "COSE_Key: missing crv (label -1)");
        assertRefused(without(p256, 1), "COSE_Key: missing kty (label 1)");
        assertRefused(without(CoseKeyCodec.encode(ExampleKeys.ed448()), -2), "COSE_Key: missing x (label -2)");
    }

    @Test
    void aParameterOfTheWrongTypeIsNamed() {
        CborMap p256 = CoseKeyCodec.encode(ExampleKeys.p256());

        assertRefused(with(p256, 2, CborTextString.of("p256")),
                "COSE_Key: kid (label 2) must be a byte string, found \"p256\"");
        assertRefused(with(p256, -2, CborTextString.of("x")), "COSE_Key: x (label -2) must be a byte string, found \"x\"");
        assertRefused(with(p256, 1, CborTextString.of("EC2")),
                "COSE_Key: kty (label 1) as text \"EC2\" is not supported; expected an integer");
        assertRefused(with(p256, -1, new CborByteString(new byte[] {1})),
                "COSE_Key: crv (label -1) must be an integer, found h'01'");
        assertRefused(CborArray.of(CborInteger.of(1)), "COSE_Key: expected a map, found [1]");
    }

    @Test
    void anEmptyOrMalformedKeySetIsRefused() {
        assertThatThrownBy(() -> CoseKeyCodec.decodeSet(CborArray.of().encode()))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("COSE_KeySet: expected a non-empty array of COSE_Key");
        assertThatThrownBy(() -> CoseKeyCodec.decodeSet(CoseKeyCodec.encode(ExampleKeys.p256()).encode()))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("COSE_KeySet: expected a non-empty array of COSE_Key");
    }

    @Test
    void aBadKeyInASetIsNamedByItsIndex() {
        P256SigningKey signing = TestKeys.p256("private");
        CborArray set = CborArray.of(CoseKeyCodec.encode(ExampleKeys.ed25519()),
                with(CoseKeyCodec.encode(signing.verificationKey()), -4,
                        new CborByteString(signing.privateKeyBytes(SecretKeyAccess.insecure()))));

        assertThatThrownBy(() -> CoseKeyCodec.decodeSet(set.encode()))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("COSE_KeySet[1]: COSE_Key: holds a private key (label -4); only public keys are accepted here");
    }

    private static void assertRefused(CborValue coseKey, String message) {
        assertThatThrownBy(() -> CoseKeyCodec.decode(coseKey))
                .as("%s", coseKey)
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> CoseKeyCodec.decode(coseKey.encode()))
                .as("%s as bytes", coseKey)
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage(message);
    }

    private static CborMap with(CborMap map, long label, CborValue value) {
        Map<CborValue, CborValue> entries = new LinkedHashMap<>(map.entries());
        entries.put(CborInteger.of(label), value);
        return new CborMap(entries);
    }

    private static CborMap without(CborMap map, long label) {
        Map<CborValue, CborValue> entries = new LinkedHashMap<>(map.entries());
        assertThat(entries.remove(CborInteger.of(label))).as("label %d in %s", label, map).isNotNull();
        return new CborMap(entries);
    }
}
