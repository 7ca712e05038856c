package dev.runtape.verifier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.JwkCodec;
import java.nio.charset.StandardCharsets;

/** Fuzz target for {@link JwkCodec#decode(String)}: it may return or throw {@link FormatException}, nothing else. */
class JwkFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decode(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        try {
            JwkCodec.decode(json);
        } catch (FormatException refused) {
            // fine
        }
        try {
            JwkCodec.decodeSet(json);
        } catch (FormatException refused) {
            // fine
        }
    }
}
