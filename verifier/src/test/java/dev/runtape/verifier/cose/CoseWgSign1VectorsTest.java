package dev.runtape.verifier.cose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.Curve;
import dev.runtape.verifier.keys.EcdsaVerificationKey;
import dev.runtape.verifier.keys.EdDsaVerificationKey;
import dev.runtape.verifier.keys.SecretKeyAccess;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every COSE_Sign1 example of cose-wg/Examples in {@code shared/vectors/cose}: the pass cases verify and the
 * signature covers exactly the published to-be-signed bytes; the fail cases are refused. EdDSA over Ed448 and ECDSA
 * over P-384 and P-521 are here too: a client verifies what any COSE signer made.
 */
class CoseWgSign1VectorsTest {

    private static final String ROOT = "cose/cose-wg-examples/";
    private static final List<String> FOLDERS = List.of("sign1-tests", "ecdsa-examples", "eddsa-examples", "RFC8152");

    static Stream<Named<JsonNode>> sign1Vectors() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Stream.Builder<Named<JsonNode>> vectors = Stream.builder();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.list(SharedFiles.vector(ROOT + folder))) {
                for (Path file : files.sorted().toList()) {
                    JsonNode vector = json.readTree(file.toFile());
                    if (vector.path("input").has("sign0")) { // COSE_Sign (multi-signer) examples use "sign"
                        vectors.add(Named.of(folder + "/" + file.getFileName(), vector));
                    }
                }
            }
        }
        return vectors.build();
    }

    @Test
    void theFoldersHoldSixteenSign1Examples() throws IOException {
        assertThat(sign1Vectors()).hasSize(16);
    }

    @ParameterizedTest
    @MethodSource("sign1Vectors")
    void passCasesVerifyAndFailCasesAreRefused(JsonNode vector) throws Exception {
        JsonNode sign0 = vector.get("input").get("sign0");
        byte[] message = HexFormat.of().parseHex(vector.get("output").get("cbor").asText());
        VerificationKey key = publicKey(sign0.get("key"));
        byte[] externalAad = sign0.has("external") ? HexFormat.of().parseHex(sign0.get("external").asText()) : new byte[0];

        if (vector.path("fail").asBoolean()) {
            assertThatThrownBy(() -> Sign1Verifier.verify(CoseSign1.decode(message), key, externalAad, Optional.empty()))
                    .isInstanceOfAny(FormatException.class, VerificationException.class);
        } else {
            CoseSign1 parsed = CoseSign1.decode(message);
            Sign1Verifier.verify(parsed, key, externalAad, Optional.empty());
            byte[] published = HexFormat.of().parseHex(vector.get("intermediates").get("ToBeSign_hex").asText());
            assertThat(SigStructure.toBeSigned(parsed.protectedHeader(), externalAad, parsed.payload().orElseThrow()))
                    .isEqualTo(published);
        }
    }

    @Test
    void eddsaSignaturesAreReproducedByteForByte() throws Exception {
        JsonNode vector = new ObjectMapper().readTree(SharedFiles.readVector(ROOT + "eddsa-examples/eddsa-sig-01.json"));
        JsonNode key = vector.get("input").get("sign0").get("key");
        Ed25519SigningKey signer = Ed25519SigningKey.of(HexFormat.of().parseHex(key.get("d_hex").asText()),
                SecretKeyAccess.insecure());
        CoseSign1 published = CoseSign1.decode(HexFormat.of().parseHex(vector.get("output").get("cbor").asText()));

        byte[] toBeSigned = HexFormat.of().parseHex(vector.get("intermediates").get("ToBeSign_hex").asText());
        assertThat(signer.sign(toBeSigned)).isEqualTo(published.signature());
    }

    @Test
    void aMessageUnderAnotherTagIsNotACoseSign1() {
        byte[] message = HexFormat.of().parseHex(readOutput("sign1-tests/sign-fail-01.json"));
        assertThatThrownBy(() -> CoseSign1.decode(message))
                .isInstanceOf(FormatException.class)
                .hasMessage("COSE_Sign1: tag 998 is not the COSE_Sign1 tag 18");
    }

    @Test
    void anUnknownAlgorithmIsRefusedByName() throws Exception {
        CoseSign1 message = CoseSign1.decode(HexFormat.of().parseHex(readOutput("sign1-tests/sign-fail-03.json")));
        assertThatThrownBy(message::algorithm)
                .isInstanceOf(FormatException.class)
                .hasMessage("COSE_Sign1: unsupported alg -999 (supported: -8 EdDSA, -7 ES256, -35 ES384, -36 ES512)");
    }

    private static String readOutput(String file) {
        try {
            return new ObjectMapper().readTree(SharedFiles.readVector(ROOT + file)).get("output").get("cbor").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of a cose-wg example key: EC keys in base64url x and y, OKP keys in x_hex. */
    static VerificationKey publicKey(JsonNode key) throws FormatException {
        Curve curve = Curve.ofJwk(key.get("kty").asText(), key.get("crv").asText()).orElseThrow();
        return switch (curve.keyType()) {
            case EC2 -> EcdsaVerificationKey.of(curve, Base64.getUrlDecoder().decode(key.get("x").asText()),
                    Base64.getUrlDecoder().decode(key.get("y").asText()));
            case OKP -> EdDsaVerificationKey.of(curve, HexFormat.of().parseHex(key.get("x_hex").asText()));
        };
    }
}
