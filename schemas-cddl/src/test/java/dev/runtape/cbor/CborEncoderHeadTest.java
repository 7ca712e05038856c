package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A head written alone is the head that starts an item's deterministic encoding (RFC 8949 Appendix A). */
class CborEncoderHeadTest {

    private static final String FILE = "cbor/rfc7049-appendix-a.cbor-test-vectors.json";

    @Test
    void theHeadsOfThePublishedExamplesAreWrittenAlikeAlone() throws IOException, CborException {
        int compared = 0;
        for (JsonNode vector : new ObjectMapper().readTree(SharedFiles.readVector(FILE))) {
            byte[] bytes = HexFormat.of().parseHex(vector.get("hex").asText());
            if (bytes.length == 0 || (bytes[0] & 0x1f) == 31) {
                continue; // an indefinite length has no head of this kind
            }
            CborValue value;
            try {
                value = CborDecoder.decode(bytes, CborProfile.DETERMINISTIC);
            } catch (CborException e) {
                continue; // not in its deterministic encoding: its head is not the one written
            }
            byte[] head = switch (value) {
                case CborInteger i when i.value().signum() >= 0 -> CborEncoder.head(0, i.value().longValue());
                case CborInteger i -> CborEncoder.head(1, i.value().negate().subtract(BigInteger.ONE).longValue());
                case CborByteString b -> CborEncoder.head(2, b.length());
                case CborArray a -> CborEncoder.head(4, a.size());
                case CborMap m -> CborEncoder.head(5, m.size());
                case CborTag t -> CborEncoder.head(6, t.tag());
                default -> null;
            };
            if (head != null) {
                compared++;
                assertThat(Arrays.copyOf(bytes, Math.min(head.length, bytes.length))).as(vector.get("hex").asText())
                        .isEqualTo(head);
            }
        }
        assertThat(compared).isGreaterThan(30);
        assertThat(CborEncoder.head(2, 24)).isEqualTo(CborEncoder.byteStringHead(24)).containsExactly(0x58, 24);
        assertThatThrownBy(() -> CborEncoder.head(8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
