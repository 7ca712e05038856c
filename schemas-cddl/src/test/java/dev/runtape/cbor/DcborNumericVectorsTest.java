package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The numeric test vectors of dCBOR (draft-mcnally-deterministic-cbor, Appendix A). */
class DcborNumericVectorsTest {

    private static final String FILE = "cbor/dcbor-numeric-vectors.json";

    static Stream<Arguments> valid() throws IOException {
        return rows("valid");
    }

    static Stream<Arguments> invalid() throws IOException {
        return rows("invalid");
    }

    @Test
    void theFileHoldsFortyOneValidAndElevenInvalidEncodings() throws IOException {
        assertThat(valid()).hasSize(41);
        assertThat(invalid()).hasSize(11);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void eachValueEncodesToItsOnlyDcborEncoding(JsonNode row) throws CborException {
        byte[] expected = HexFormat.of().parseHex(row.get("hex").asText());
        CborValue value = parse(row.get("value").asText());

        assertThat(HexFormat.of().formatHex(CborEncoder.encode(value, CborProfile.DCBOR)))
                .isEqualTo(row.get("hex").asText());
        CborValue decoded = CborDecoder.decode(expected, CborProfile.DCBOR);
        assertThat(CborEncoder.encode(decoded, CborProfile.DCBOR)).isEqualTo(expected);
        assertThat(numericValue(decoded)).isEqualTo(numericValue(CborDecoder.decode(
                CborEncoder.encode(value, CborProfile.DETERMINISTIC), CborProfile.DETERMINISTIC)));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void aDcborDecoderRejectsEachInvalidEncoding(JsonNode row) {
        byte[] bytes = HexFormat.of().parseHex(row.get("hex").asText());

        assertThatThrownBy(() -> CborDecoder.decode(bytes, CborProfile.DCBOR))
                .isInstanceOf(CborException.class)
                .hasMessageStartingWith("at byte 0: ");
    }

    @Test
    void integralFloatsStayFloatsUnderCoreDeterministicEncoding() throws CborException {
        assertThat(CborEncoder.encode(new CborFloat(12.0))).isEqualTo(HexFormat.of().parseHex("f94a00"));
        assertThat(CborDecoder.decode(HexFormat.of().parseHex("f94a00"))).isEqualTo(new CborFloat(12.0));
    }

    private static Stream<Arguments> rows(String kind) throws IOException {
        JsonNode all = new ObjectMapper().readTree(SharedFiles.readVector(FILE));
        List<Arguments> rows = new ArrayList<>();
        for (JsonNode row : all.get(kind)) {
            rows.add(Arguments.of(Named.of(row.get("value").asText() + " = " + row.get("hex").asText(), row)));
        }
        return rows.stream();
    }

    /**
     * A value as the draft writes it: an integer, a decimal, or Infinity/NaN ("(any size)" and "(2^8 - 1)" style
     * remarks after the number are dropped).
     */
    private static CborValue parse(String written) {
        String number = written.split(" ")[0];
        return switch (number) {
            case "Infinity" -> new CborFloat(Double.POSITIVE_INFINITY);
            case "-Infinity" -> new CborFloat(Double.NEGATIVE_INFINITY);
            case "NaN" -> new CborFloat(Double.NaN);
            default -> number.contains(".") || number.contains("e")
                    ? new CborFloat(Double.parseDouble(number))
                    : new CborInteger(new BigInteger(number));
        };
    }

    /** Integers and integral floats compare as numbers; NaN as itself. */
    private static Object numericValue(CborValue value) {
        return switch (value) {
            case CborInteger i -> new BigDecimal(i.value()).stripTrailingZeros();
            case CborFloat f when Double.isNaN(f.value()) || Double.isInfinite(f.value()) -> f.value();
            case CborFloat f -> new BigDecimal(f.value()).stripTrailingZeros();
            default -> throw new IllegalArgumentException("not a number: " + value);
        };
    }
}
