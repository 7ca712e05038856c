package dev.runtape.verifier.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inclusion and consistency probes of transparency-dev/merkle ({@code testdata/}), read as they are from the
 * shared vectors: each must be rejected exactly when it says {@code wantErr}.
 */
class TransparencyDevProbesTest {

    private static final Path TESTDATA = Path.of(System.getProperty("runtape.shared.dir"),
            "vectors", "merkle", "transparency-dev-merkle", "testdata");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Probes that Runtape rejects although they expect success, and why. transparency-dev compares the roots of
     * equal sizes as raw bytes of any length; Runtape holds every root as a 32-byte {@link Digest}.
     */
    private static final Map<String, String> STRICTER_THAN_TRANSPARENCY_DEV = Map.of(
            "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json",
            "its roots are 12 bytes long, and Digest.of takes only 32");

    @Test
    void everyProbeFileIsFound() throws IOException {
        assertThat(probes("inclusion")).hasSize(98);
        assertThat(probes("consistency")).hasSize(98);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProbes")
    void anInclusionProbeIsRejectedExactlyWhenItWantsAnError(String probe) throws IOException {
        JsonNode json = JSON.readTree(TESTDATA.resolve(probe).toFile());
        String outcome;
        try {
            Inclusion.verify(
                    number(json, "leafIdx"),
                    number(json, "treeSize"),
                    Digest.of(bytes(json, "leafHash")),
                    digests(json, "proof"),
                    Digest.of(bytes(json, "root")));
            outcome = null;
        } catch (FormatException | VerificationException e) {
            outcome = e.getMessage();
        }
        assertOutcome(probe, json, outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProbes")
    void aConsistencyProbeIsRejectedExactlyWhenItWantsAnError(String probe) throws IOException {
        JsonNode json = JSON.readTree(TESTDATA.resolve(probe).toFile());
        String outcome;
        try {
            Consistency.verify(
                    number(json, "size1"),
                    number(json, "size2"),
                    Digest.of(bytes(json, "root1")),
                    Digest.of(bytes(json, "root2")),
                    digests(json, "proof"));
            outcome = null;
        } catch (FormatException | VerificationException e) {
            outcome = e.getMessage();
        }
        assertOutcome(probe, json, outcome);
    }

    static Stream<String> inclusionProbes() throws IOException {
        return probes("inclusion").stream();
    }

    static Stream<String> consistencyProbes() throws IOException {
        return probes("consistency").stream();
    }

    /** The probe files under {@code folder}, as paths relative to the test data, sorted. */
    private static List<String> probes(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(TESTDATA.resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".json"))
                    .map(file -> TESTDATA.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static void assertOutcome(String probe, JsonNode json, @Nullable String error) {
        boolean wantErr = json.path("wantErr").asBoolean();
        String stricter = STRICTER_THAN_TRANSPARENCY_DEV.get(probe);
        boolean expectRejected = wantErr || stricter != null;
        assertThat(error != null)
                .as("%s (%s): %s", probe, json.path("desc").asText(),
                        error == null ? "accepted" : "rejected with \"" + error + "\"")
                .isEqualTo(expectRejected);
        if (stricter != null) {
            assertThat(error).as("reason for rejecting %s: %s", probe, stricter).contains("32");
        }
    }

    /**
     * An index or size. The probes were written for Go's uint64, so 2^64 - 1 appears; it is passed on with the same
     * 64 bits, as -1, which the verifier must refuse like any index outside the tree.
     */
    private static long number(JsonNode json, String field) {
        return json.path(field).bigIntegerValue().longValue();
    }

    /** A standard base64 field; missing or null means empty, as Go decodes it. */
    private static byte[] bytes(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isMissingNode() || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asText());
    }

    private static List<Digest> digests(JsonNode json, String field) throws FormatException {
        List<Digest> digests = new ArrayList<>();
        for (JsonNode element : json.path(field)) {
            digests.add(Digest.of(element.isNull() ? new byte[0] : Base64.getDecoder().decode(element.asText())));
        }
        return digests;
    }
}
