package dev.runtape.verifier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.keys.VerificationKey;
import java.util.HexFormat;

/**
 * Fuzz targets for {@link CoseKeyCodec}: decoding a COSE_Key or a COSE_KeySet may return or throw
 * {@link FormatException}, nothing else; a key that decodes must survive its own encoding.
 */
class CoseKeyFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decode(byte[] input) {
        VerificationKey key;
        try {
            key = CoseKeyCodec.decode(input);
        } catch (FormatException refused) {
            return;
        }
        checkRoundTrip(input, key);
    }

    @FuzzTest(maxDuration = "10s")
    void decodeSet(byte[] input) {
        KeySet keys;
        try {
            keys = CoseKeyCodec.decodeSet(input);
        } catch (FormatException refused) {
            return;
        }
        for (VerificationKey key : keys.keys()) {
            checkRoundTrip(input, key);
        }
    }

    private static void checkRoundTrip(byte[] input, VerificationKey key) {
        try {
            VerificationKey again = CoseKeyCodec.decode(CoseKeyCodec.encode(key).encode());
            if (!again.equals(key)) {
                throw new AssertionError("the key in " + HexFormat.of().formatHex(input) + " re-encodes to another key");
            }
        } catch (FormatException e) {
            throw new AssertionError("the key in " + HexFormat.of().formatHex(input) + " re-encodes to bytes that"
                    + " do not decode: " + e.getMessage(), e);
        }
    }
}
