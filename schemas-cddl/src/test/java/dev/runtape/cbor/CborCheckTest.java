package dev.runtape.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.testing.SharedFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CborDecoder#check} refuses exactly what {@link CborDecoder#decode} refuses under a strict profile, with the
 * same message: on the public vectors, on every truncation and on one-byte changes of a nested deterministic item.
 */
class CborCheckTest {

    private static final CborProfile[] STRICT = {CborProfile.DETERMINISTIC, CborProfile.DCBOR};

    @Test
    void theVectorsAreAcceptedAndRefusedAsDecodingDoes() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(SharedFiles.readVector("cbor/rfc7049-appendix-a.cbor-test-vectors.json"))) {
            inputs.add(HexFormat.of().parseHex(row.get("hex").asText()));
        }
        JsonNode dcbor = new ObjectMapper().readTree(SharedFiles.readVector("cbor/dcbor-numeric-vectors.json"));
        for (String kind : new String[] {"valid", "invalid"}) {
            for (JsonNode row : dcbor.get(kind)) {
                inputs.add(HexFormat.of().parseHex(row.get("hex").asText()));
            }
        }
        assertThat(inputs).hasSizeGreaterThan(100);
        int refused = 0;
        for (byte[] input : inputs) {
            refused += agree(input);
        }
        assertThat(refused).as("some vectors break a strict rule").isPositive();
    }

    @Test
    void everyTruncationAndOneByteChangeOfANestedItemIsJudgedAsDecodingJudgesIt() throws Exception {
        CborValue value = CborMap.builder()
                .put("digest", new CborByteString(new byte[32]))
                .put("steps", CborArray.of(CborTextString.of("ascii"), CborTextString.of("Grüße"),
                        CborInteger.of(-70001), CborInteger.of(1L << 40), new CborFloat(1.5),
                        new CborTag(18, CborArray.of(new CborByteString(new byte[] {1, 2}), CborMap.builder().build()))))
                .put(7, CborSimple.TRUE)
                .build();
        byte[] encoded = value.encode();
        CborDecoder.check(encoded, 0, encoded.length, CborProfile.DETERMINISTIC);
        for (int length = 0; length < encoded.length; length++) {
            assertThat(agree(Arrays.copyOf(encoded, length))).as("truncated to %d", length).isEqualTo(1);
        }
        int refused = 0;
        for (int at = 0; at < encoded.length; at++) {
            for (int change : new int[] {0x00, 0x01, 0x18, 0x1f, 0x5f, 0x61, 0x7f, 0x9f, 0xa1, 0xbf, 0xc0, 0xf7, 0xff}) {
                byte[] changed = encoded.clone();
                changed[at] = (byte) change;
                refused += agree(changed);
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aRangeIsCheckedWithinTheArrayAndNothingAfterItIsLetThrough() throws Exception {
        byte[] item = CborArray.of(CborInteger.of(1), CborTextString.of("x")).encode();
        byte[] framed = new byte[item.length + 2];
        System.arraycopy(item, 0, framed, 1, item.length);
        CborDecoder.check(framed, 1, 1 + item.length, CborProfile.DETERMINISTIC);
        assertThatThrownBy(() -> CborDecoder.check(framed, 1, framed.length, CborProfile.DETERMINISTIC))
                .isInstanceOf(CborException.class).hasMessageContaining("1 bytes after the end of the data item");
        assertThatThrownBy(() -> CborDecoder.check(framed, 1, item.length, CborProfile.DETERMINISTIC))
                .isInstanceOf(CborException.class);
        assertThatThrownBy(() -> CborDecoder.check(framed, 0, 1, CborProfile.WELL_FORMED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemWithinARangeIsCheckedToItsEndWhichIsReturned() throws Exception {
        byte[] first = CborMap.builder().put("a", CborInteger.of(1)).put("b", CborTextString.of("Grüße")).build()
                .encode();
        byte[] second = CborInteger.of(70000).encode();
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(CborDecoder.checkedEnd(both, 0, both.length, 0, CborProfile.DETERMINISTIC)).isEqualTo(first.length);
        assertThat(CborDecoder.checkedEnd(both, first.length, both.length, 0, CborProfile.DETERMINISTIC))
                .isEqualTo(both.length);
        assertThatThrownBy(() -> CborDecoder.checkedEnd(both, 0, first.length - 1, 0, CborProfile.DETERMINISTIC))
                .isInstanceOf(CborException.class);
        byte[] unordered = both.clone();
        unordered[2] = 'c'; // the key "a" made "c", before "b"
        assertThatThrownBy(() -> CborDecoder.checkedEnd(unordered, 0, both.length, 0, CborProfile.DETERMINISTIC))
                .isInstanceOf(CborException.class).hasMessageContaining("deterministic order");
        // The depth it is given counts towards the limit: an array of one integer is two levels.
        byte[] nested = CborArray.of(CborInteger.of(1)).encode();
        assertThat(CborDecoder.checkedEnd(nested, 0, nested.length, CborDecoder.MAX_DEPTH - 1,
                CborProfile.DETERMINISTIC)).isEqualTo(nested.length);
        assertThatThrownBy(() -> CborDecoder.checkedEnd(nested, 0, nested.length, CborDecoder.MAX_DEPTH,
                CborProfile.DETERMINISTIC)).isInstanceOf(CborException.class).hasMessageContaining("nested deeper");
    }

    /** 1 when both refuse the input with the same message, 0 when both accept it; fails when they disagree. */
    private static int agree(byte[] input) {
        int refused = 0;
        for (CborProfile profile : STRICT) {
            String decoded = outcome(() -> CborDecoder.decode(input, profile));
            String checked = outcome(() -> CborDecoder.check(input, 0, input.length, profile));
            assertThat(checked).as("%s under %s", HexFormat.of().formatHex(input), profile).isEqualTo(decoded);
            refused = decoded.isEmpty() ? refused : 1;
        }
        return refused;
    }

    private interface Step {
        void run() throws CborException;
    }

    private static String outcome(Step step) {
        try {
            step.run();
            return "";
        } catch (CborException e) {
            return e.getMessage();
        }
    }
}
