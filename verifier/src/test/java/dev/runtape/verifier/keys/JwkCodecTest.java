package dev.runtape.verifier.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public keys as JWK and JWK Set (RFC 7517, RFC 8037): round trips on every curve, the same key and kid as in
 * COSE_Key, and what is refused.
 */
class JwkCodecTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @ParameterizedTest
    @MethodSource("dev.runtape.verifier.keys.ExampleKeys#everyCurve")
    void aKeyDecodesFromItsJwkToAnEqualKeyWithTheSameKid(VerificationKey key) throws Exception {
        VerificationKey decoded = JwkCodec.decode(JwkCodec.encode(key).toString());

        assertThat(decoded).isEqualTo(key);
        assertThat(decoded.kid()).isEqualTo(key.kid());
        assertThat(decoded.thumbprint()).isEqualTo(key.thumbprint());
    }

    @ParameterizedTest
    @MethodSource("dev.runtape.verifier.keys.ExampleKeys#everyCurve")
    void theSameKeyAsCoseKeyAndAsJwkDecodesToEqualKeysWithTheSameKid(VerificationKey key) throws Exception {
        VerificationKey fromCose = CoseKeyCodec.decode(CoseKeyCodec.encode(key).encode());
        VerificationKey fromJwk = JwkCodec.decode(JwkCodec.encode(key).toString());

        assertThat(fromJwk).isEqualTo(fromCose);
        assertThat(fromJwk.kid()).isEqualTo(fromCose.kid());
        // A thumbprint kid is written in base64url; a text kid (the cose-wg keys' "P384", "11") as its text.
        String expectedKid = key.kid().length == 32
                ? B64URL.encodeToString(key.kid())
                : new String(key.kid(), StandardCharsets.UTF_8);
        assertThat(JwkCodec.encode(key).get("kid").asText()).isEqualTo(expectedKid);
    }

    @Test
    void anEd25519JwkHasTheMembersOfRfc8037() {
        EdDsaVerificationKey key = TestKeys.ed25519("jwk").verificationKey();

        ObjectNode jwk = JwkCodec.encode(key);

        assertThat(jwk.properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("kty", "crv", "x", "kid", "alg", "use");
        assertThat(jwk.get("kty").asText()).isEqualTo("OKP");
        assertThat(jwk.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(jwk.get("x").asText()).isEqualTo(B64URL.encodeToString(key.x()));
        assertThat(jwk.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(jwk.get("use").asText()).isEqualTo("sig");
    }

    @Test
    void aP256JwkHasTheMembersOfRfc7518() {
        EcdsaVerificationKey key = TestKeys.p256("jwk").verificationKey();

        ObjectNode jwk = JwkCodec.encode(key);

        assertThat(jwk.get("kty").asText()).isEqualTo("EC");
        assertThat(jwk.get("crv").asText()).isEqualTo("P-256");
        assertThat(jwk.get("x").asText()).isEqualTo(B64URL.encodeToString(key.x()));
        assertThat(jwk.get("y").asText()).isEqualTo(B64URL.encodeToString(key.y()));
        assertThat(jwk.get("alg").asText()).isEqualTo("ES256");
    }

    @Test
    void theRfc8037ExampleKeyIsTheRfc8032TestKey() throws Exception {
        // RFC 8037 Appendix A.2 gives the public key of RFC 8032 §7.1 TEST 1 as a JWK.
        VerificationKey key = JwkCodec.decode("""
                {"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""");

        assertThat(((EdDsaVerificationKey) key).x()).isEqualTo(HexFormat.of().parseHex(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        assertThat(key.kid()).as("no kid: named by the thumbprint").isEqualTo(key.thumbprint().bytes());
    }

    @Test
    void aJwkSetRoundTripsEveryKeyInOrder() throws Exception {
        KeySet set = new KeySet(ExampleKeys.everyCurve().map(named -> named.getPayload()).toList());

        KeySet decoded = JwkCodec.decodeSet(JwkCodec.encodeSet(set).toString());

        assertThat(decoded).isEqualTo(set);
        assertThat(CoseKeyCodec.decodeSet(CoseKeyCodec.encodeSet(decoded).encode())).isEqualTo(set);
    }

    // Refusals.

    @Test
    void aPrivateKeyIsRefused() {
        // The cose-wg example key as published: a JWK that holds d.
        JsonNode published = ExampleKeys.exampleKey("ecdsa-examples/ecdsa-sig-02.json");

        assertThatThrownBy(() -> JwkCodec.decode(published))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("JWK: holds a private key (member d); only public keys are accepted here");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("d", "AAAA"),
                "JWK: holds a private key (member d); only public keys are accepted here");
    }

    @Test
    void anUnsupportedCurveIsRefused() {
        String supported = " (supported: OKP with Ed25519 or Ed448, EC with P-256, P-384 or P-521)";

        assertRefused(ExampleKeys.ed25519(), jwk -> jwk.put("crv", "X25519"),
                "JWK: unsupported kty OKP with crv X25519" + supported);
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("crv", "secp256k1"),
                "JWK: unsupported kty EC with crv secp256k1" + supported);
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("kty", "EC2"), "JWK: unsupported kty EC2 with crv P-256" + supported);
        assertRefused(ExampleKeys.ed25519(), jwk -> jwk.put("kty", "EC"), "JWK: unsupported kty EC with crv Ed25519" + supported);
    }

    @Test
    void aCoordinateOfTheWrongLengthIsRefused() {
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("x", B64URL.encodeToString(new byte[31])),
                "JWK: a P-256 public key has 32-byte coordinates, not 31 and 32 bytes");
        assertRefused(ExampleKeys.ed448(), jwk -> jwk.put("x", B64URL.encodeToString(new byte[32])),
                "JWK: an Ed448 public key has 57 bytes, not 32");
        assertRefused(ExampleKeys.p384(), jwk -> jwk.put("crv", "P-521"),
                "JWK: a P-521 public key has 66-byte coordinates, not 48 and 48 bytes");
    }

    @Test
    void aPointNotOnTheCurveIsRefused() {
        EcdsaVerificationKey key = (EcdsaVerificationKey) ExampleKeys.p521();
        byte[] x = key.x();
        x[65] ^= 1;

        assertThatThrownBy(() -> JwkCodec.decode(JwkCodec.encode(key).put("x", B64URL.encodeToString(x)).toString()))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessageStartingWith("JWK: not a point on P-521: ");
    }

    @Test
    void anAlgorithmThatDoesNotFitTheCurveIsRefused() {
        assertRefused(ExampleKeys.ed25519(), jwk -> jwk.put("alg", "ES256"), "JWK: alg ES256 does not fit a key on Ed25519");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("alg", "EdDSA"), "JWK: alg EdDSA does not fit a key on P-256");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("alg", "RS256"), "JWK: alg RS256 does not fit a key on P-256");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("alg", -7), "JWK: member alg must be a string");
    }

    @Test
    void aMissingMemberIsNamed() {
        assertRefused(ExampleKeys.ed25519(), jwk -> jwk.remove("x"), "JWK: member x must be a string");
        assertRefused(ExampleKeys.p384(), jwk -> jwk.remove("y"), "JWK: member y must be a string");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.remove("kty"), "JWK: member kty must be a string");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.remove("crv"), "JWK: member crv must be a string");
    }

    @Test
    void aKidOfTheWrongTypeIsRefused() {
        assertRefused(ExampleKeys.p256(), jwk -> jwk.put("kid", 7), "JWK: member kid must be a string");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.putArray("kid").add("a"), "JWK: member kid must be a string");
        assertRefused(ExampleKeys.p256(), jwk -> jwk.putNull("kid"), "JWK: member kid must be a string");
    }

    @Test
    void aTextKidIsReadAsItsUtf8BytesAsTheCoseWgExamplesUseIt() throws Exception {
        String kid = "bilbo.baggins@hobbiton.example"; // a JWK kid of the cose-wg examples
        VerificationKey key = JwkCodec.decode(JwkCodec.encode(ExampleKeys.p256()).put("kid", kid).toString());

        assertThat(key.kid()).isEqualTo(kid.getBytes(StandardCharsets.UTF_8));
        assertThat(JwkCodec.encode(key).get("kid").asText()).isEqualTo(kid);
        assertThat(JwkCodec.decode(JwkCodec.encode(ExampleKeys.p256()).put("kid", "2011-04-29").toString()).kid())
                .isEqualTo("2011-04-29".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aKidOfBinaryBytesOtherThanAThumbprintHasNoJwkForm() {
        VerificationKey key = ExampleKeys.p256().withKid(new byte[] {(byte) 0xff, 0x00});

        assertThatThrownBy(() -> JwkCodec.encode(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a kid of 2 bytes that are not UTF-8 text has no JWK form");
    }

    @Test
    void aCoordinateThatIsNotBase64urlIsRefused() {
        assertThatThrownBy(() -> JwkCodec.decode(JwkCodec.encode(ExampleKeys.p256()).put("x", "a+b/").toString()))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessageStartingWith("JWK: member x is not base64url: ");
    }

    @Test
    void textThatIsNotOneJsonObjectIsRefused() {
        String jwk = JwkCodec.encode(ExampleKeys.ed25519()).toString();

        for (String malformed : List.of("{", jwk.substring(0, jwk.length() - 1), "{\"kty\":}", "{'kty':'OKP'}",
                jwk + " trailing", jwk + jwk)) {
            assertThatThrownBy(() -> JwkCodec.decode(malformed))
                    .as(malformed)
                    .isExactlyInstanceOf(FormatException.class)
                    .hasMessageStartingWith("JWK: not JSON: ");
        }
        for (String notAnObject : List.of("[" + jwk + "]", "\"" + jwk.replace("\"", "\\\"") + "\"", "null", "", " ")) {
            assertThatThrownBy(() -> JwkCodec.decode(notAnObject))
                    .as(notAnObject)
                    .isExactlyInstanceOf(FormatException.class)
                    .hasMessage("JWK: expected a JSON object");
        }
    }

    @Test
    void anEmptyOrMalformedJwkSetIsRefused() {
        for (String empty : List.of("{\"keys\":[]}", "{}", "{\"keys\":{}}", "[]", "null")) {
            assertThatThrownBy(() -> JwkCodec.decodeSet(empty))
                    .as(empty)
                    .isExactlyInstanceOf(FormatException.class)
                    .hasMessage("JWK Set: expected a non-empty array \"keys\"");
        }
        String set = JwkCodec.encodeSet(KeySet.of(ExampleKeys.ed25519())).toString();
        for (String malformed : List.of("{\"keys\":[", set + " x", set + set)) {
            assertThatThrownBy(() -> JwkCodec.decodeSet(malformed))
                    .as(malformed)
                    .isExactlyInstanceOf(FormatException.class)
                    .hasMessageStartingWith("JWK Set: not JSON: ");
        }
    }

    @Test
    void whitespaceAroundTheJsonIsAllowed() throws Exception {
        VerificationKey key = ExampleKeys.ed25519();

        assertThat(JwkCodec.decode("\n  " + JwkCodec.encode(key) + "\n")).isEqualTo(key);
        assertThat(JwkCodec.decodeSet(JwkCodec.encodeSet(KeySet.of(key)) + "\r\n")).isEqualTo(KeySet.of(key));
    }

    @Test
    void aBadKeyInASetIsNamedByItsIndex() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode set = json.createObjectNode();
        set.putArray("keys").add(JwkCodec.encode(ExampleKeys.ed25519())).add(JwkCodec.encode(ExampleKeys.p256()).put("d", "AAAA"));

        assertThatThrownBy(() -> JwkCodec.decodeSet(set.toString()))
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage("JWK Set: keys[1]: JWK: holds a private key (member d); only public keys are accepted here");
    }

    @Test
    void aKidOfAnyBytesSurvivesBothForms() throws Exception {
        VerificationKey key = ExampleKeys.p256().withKid("kid \u00e9 \u0000 \u00ff".getBytes(StandardCharsets.UTF_8));

        assertThat(JwkCodec.decode(JwkCodec.encode(key).toString())).isEqualTo(key);
        assertThat(CoseKeyCodec.decode(CoseKeyCodec.encode(key).encode())).isEqualTo(key);
    }

    private static void assertRefused(VerificationKey key, Consumer<ObjectNode> change, String message) {
        ObjectNode jwk = JwkCodec.encode(key);
        change.accept(jwk);
        assertThatThrownBy(() -> JwkCodec.decode(jwk.toString()))
                .as("%s", jwk)
                .isExactlyInstanceOf(FormatException.class)
                .hasMessage(message);
    }
}
