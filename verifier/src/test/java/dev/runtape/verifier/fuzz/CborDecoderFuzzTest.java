package dev.runtape.verifier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runtape.cbor.CborException;
import dev.runtape.cbor.CborDecoder;
import dev.runtape.cbor.CborEncoder;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fuzz targets for {@link CborDecoder}, one per profile. The decoder may return or throw {@link FormatException};
 * anything else escaping is a finding, and so is a broken invariant: what a strict profile reads, WELL_FORMED reads
 * to the same value, and it re-encodes to exactly the input.
 *
 * <p>Without {@code JAZZER_FUZZ} these run once on each seed in {@code CborDecoderFuzzTestInputs/} (docs/fuzzing.md).
 */
class CborDecoderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void wellFormed(byte[] input) {
        decode(input, CborProfile.WELL_FORMED);
    }

    @FuzzTest(maxDuration = "10s")
    void deterministic(byte[] input) {
        CborValue value = decode(input, CborProfile.DETERMINISTIC);
        if (value != null) {
            checkStrictValue(input, value, CborProfile.DETERMINISTIC);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void dcbor(byte[] input) {
        CborValue value = decode(input, CborProfile.DCBOR);
        if (value != null) {
            checkStrictValue(input, value, CborProfile.DCBOR);
            CborValue deterministic = decode(input, CborProfile.DETERMINISTIC);
            if (!value.equals(deterministic)) {
                throw new AssertionError("DETERMINISTIC reads " + hex(input) + " as " + deterministic
                        + ", DCBOR as " + value);
            }
        }
    }

    /** The decoded value, or null when the decoder refused the input with a CborException. */
    private static CborValue decode(byte[] input, CborProfile profile) {
        try {
            return CborDecoder.decode(input, profile);
        } catch (CborException refused) {
            return null;
        }
    }

    private static void checkStrictValue(byte[] input, CborValue value, CborProfile profile) {
        CborValue wellFormed = decode(input, CborProfile.WELL_FORMED);
        if (!value.equals(wellFormed)) {
            throw new AssertionError("WELL_FORMED reads " + hex(input) + " as " + wellFormed + ", " + profile
                    + " as " + value);
        }
        byte[] reEncoded = CborEncoder.encode(value, profile);
        if (!Arrays.equals(reEncoded, input)) {
            throw new AssertionError(profile + " read " + hex(input) + " but re-encodes it as " + hex(reEncoded));
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
