package dev.runtape.verifier.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.verifier.FormatException;
import dev.runtape.testing.SharedFiles;
import dev.runtape.verifier.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * A public key on every curve Runtape reads. Ed25519 and P-256 are the public halves of test signing keys; the
 * Ed448, P-384 and P-521 keys are those of the cose-wg examples (read in place from {@code shared/vectors}), under
 * their example kids as UTF-8 bytes.
 */
final class ExampleKeys {

    private static final String ROOT = "cose/cose-wg-examples/";

    private ExampleKeys() {
    }

    static VerificationKey ed25519() {
        return TestKeys.ed25519("example").verificationKey();
    }

    static VerificationKey p256() {
        return TestKeys.p256("example").verificationKey();
    }

    /** eddsa-sig-02: kid "ed448". */
    static VerificationKey ed448() {
        JsonNode key = exampleKey("eddsa-examples/eddsa-sig-02.json");
        try {
            return EdDsaVerificationKey.of(Curve.ED448, HexFormat.of().parseHex(key.get("x_hex").asText()))
                    .withKid(kid(key));
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ecdsa-sig-02: kid "P384". */
    static VerificationKey p384() {
        return ec(Curve.P_384, exampleKey("ecdsa-examples/ecdsa-sig-02.json"));
    }

    /** ecdsa-sig-03: kid "bilbo.baggins@hobbiton.example". */
    static VerificationKey p521() {
        return ec(Curve.P_521, exampleKey("ecdsa-examples/ecdsa-sig-03.json"));
    }

    static Stream<Named<VerificationKey>> everyCurve() {
        return Stream.of(
                Named.of("Ed25519", ed25519()),
                Named.of("Ed448", ed448()),
                Named.of("P-256", p256()),
                Named.of("P-384", p384()),
                Named.of("P-521", p521()));
    }

    /** The example key as the cose-wg JSON gives it: a JWK-like object that also holds the private part. */
    static JsonNode exampleKey(String file) {
        try {
            return new ObjectMapper().readTree(SharedFiles.readVector(ROOT + file)).get("input").get("sign0").get("key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static VerificationKey ec(Curve curve, JsonNode key) {
        try {
            return EcdsaVerificationKey.of(curve, Base64.getUrlDecoder().decode(key.get("x").asText()),
                    Base64.getUrlDecoder().decode(key.get("y").asText())).withKid(kid(key));
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] kid(JsonNode key) {
        return key.get("kid").asText().getBytes(StandardCharsets.UTF_8);
    }
}
