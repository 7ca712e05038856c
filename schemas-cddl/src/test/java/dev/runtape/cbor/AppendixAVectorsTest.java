package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples of RFC 8949 Appendix A (carried over from RFC 7049), read as they are published. */
class AppendixAVectorsTest {

    private static final String FILE = "cbor/rfc7049-appendix-a.cbor-test-vectors.json";

    /**
     * Items that RFC 7049 called well-formed and RFC 8949 does not: §3.3 forbids a two-byte simple value below 32.
     * Each must be rejected with the reason given.
     */
    private static final Map<String, String> NOT_WELL_FORMED_SINCE_RFC_8949 =
            Map.of("f818", "simple value 24 must be encoded in the initial byte");

    static Stream<Arguments> vectors() throws IOException {
        JsonNode all = new ObjectMapper().readTree(SharedFiles.readVector(FILE));
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode vector : all) {
            String hex = vector.get("hex").asText();
            if (!NOT_WELL_FORMED_SINCE_RFC_8949.containsKey(hex)) {
                cases.add(Arguments.of(Named.of(hex, vector)));
            }
        }
        return cases.stream();
    }

    @Test
    void theFileHoldsAllEightyTwoExamples() throws IOException {
        assertThat(new ObjectMapper().readTree(SharedFiles.readVector(FILE))).hasSize(82);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void eachExampleDecodesToItsPublishedValue(JsonNode vector) throws CborException {
        CborValue value = CborDecoder.decode(bytes(vector), CborProfile.WELL_FORMED);

        if (vector.has("decoded")) {
            assertThat(value).isEqualTo(fromJson(vector.get("decoded")));
        } else if (vector.get("roundtrip").asBoolean()) {
            assertThat(value.toString()).isEqualTo(vector.get("diagnostic").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void preferredExamplesRoundTripAndOthersAreRefusedWhereDeterminismIsRequired(JsonNode vector)
            throws CborException {
        byte[] bytes = bytes(vector);
        if (vector.get("roundtrip").asBoolean()) {
            CborValue value = CborDecoder.decode(bytes, CborProfile.DETERMINISTIC);
            assertThat(CborEncoder.encode(value)).isEqualTo(bytes);
        } else {
            assertThatThrownBy(() -> CborDecoder.decode(bytes, CborProfile.DETERMINISTIC))
                    .isInstanceOf(CborException.class)
                    .hasMessageStartingWith("at byte ");
            CborValue value = CborDecoder.decode(bytes, CborProfile.WELL_FORMED);
            byte[] reencoded = CborEncoder.encode(value);
            assertThat(reencoded).isNotEqualTo(bytes);
            assertThat(CborDecoder.decode(reencoded, CborProfile.DETERMINISTIC)).isEqualTo(value);
        }
    }

    @Test
    void aTwoByteSimpleValueBelowThirtyTwoIsNotWellFormed() {
        NOT_WELL_FORMED_SINCE_RFC_8949.forEach((hex, reason) -> assertThatThrownBy(
                        () -> CborDecoder.decode(HexFormat.of().parseHex(hex), CborProfile.WELL_FORMED))
                .isInstanceOf(CborException.class)
                .hasMessage("at byte 0: " + reason));
    }

    private static byte[] bytes(JsonNode vector) {
        return HexFormat.of().parseHex(vector.get("hex").asText());
    }

    /** An integer, or a bignum (tag 2 or 3, RFC 8949 §3.4.3) beyond the 64-bit range of major types 0 and 1. */
    private static CborValue integer(BigInteger n) {
        if (n.bitLength() <= 64) {
            return new CborInteger(n);
        }
        BigInteger magnitude = n.signum() > 0 ? n : n.negate().subtract(BigInteger.ONE);
        byte[] bytes = magnitude.toByteArray();
        byte[] unsigned = bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return new CborTag(n.signum() > 0 ? 2 : 3, new CborByteString(unsigned));
    }

    /** The JSON form of a decoded example as a CBOR value: JSON numbers are integers unless they have a fraction. */
    private static CborValue fromJson(JsonNode node) {
        return switch (node.getNodeType()) {
            case NUMBER -> node.isIntegralNumber() ? integer(new BigInteger(node.asText())) : new CborFloat(node.asDouble());
            case STRING -> CborTextString.of(node.asText());
            case BOOLEAN -> CborSimple.of(node.asBoolean());
            case NULL -> CborSimple.NULL;
            case ARRAY -> {
                List<CborValue> items = new ArrayList<>();
                node.forEach(item -> items.add(fromJson(item)));
                yield new CborArray(items);
            }
            case OBJECT -> {
                CborMap.Builder map = CborMap.builder();
                node.properties().forEach(e -> map.put(e.getKey(), fromJson(e.getValue())));
                yield map.build();
            }
            default -> throw new IllegalArgumentException("no CBOR form for " + node);
        };
    }
}
