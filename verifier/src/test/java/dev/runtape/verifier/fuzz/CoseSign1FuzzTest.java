package dev.runtape.verifier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.VerificationKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target for {@link CoseSign1#decode}: it may return or throw {@link FormatException}, nothing else. A message
 * that parses must re-encode to bytes that parse to the same parts, and {@link Sign1Verifier} on it, with the seed
 * keys, may only return or throw {@link VerificationException}.
 */
class CoseSign1FuzzTest {

    private static final List<VerificationKey> KEYS = List.of(
            FuzzKeys.ED25519.verificationKey(), FuzzKeys.P256.verificationKey());

    @FuzzTest(maxDuration = "10s")
    void decode(byte[] input) {
        CoseSign1 message;
        try {
            message = CoseSign1.decode(input);
        } catch (FormatException refused) {
            return;
        }
        CoseSign1 again;
        try {
            again = CoseSign1.decode(message.encode());
        } catch (FormatException e) {
            throw new AssertionError("the re-encoding of " + hex(input) + " does not parse: " + e.getMessage(), e);
        }
        if (!Arrays.equals(again.protectedHeader().encoded(), message.protectedHeader().encoded())
                || !Arrays.equals(again.signature(), message.signature())
                || !again.unprotectedHeader().equals(message.unprotectedHeader())
                || again.isDetached() != message.isDetached()) {
            throw new AssertionError("the re-encoding of " + hex(input) + " parses to another message");
        }
        for (VerificationKey key : KEYS) {
            try {
                Sign1Verifier.verify(message, key, new byte[0],
                        message.isDetached() ? Optional.of(new byte[0]) : Optional.empty());
            } catch (VerificationException refused) {
                // the expected outcome for all but the seeds
            }
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
