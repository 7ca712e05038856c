package dev.runtape.verifier.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import java.util.HexFormat;

/**
 * Fuzz target for {@link Receipt#decode}: it returns or throws {@link FormatException}, nothing else; a receipt
 * that decodes re-encodes to one with the same proofs, and verifying it (with the seed keys, against a fixed leaf
 * and old root) throws nothing but {@link VerificationException}.
 */
class ReceiptFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decode(byte[] input) {
        Receipt receipt;
        try {
            receipt = Receipt.decode(input);
        } catch (FormatException refused) {
            return;
        }
        try {
            Receipt again = Receipt.decode(receipt.encode());
            if (!again.inclusionProofs().equals(receipt.inclusionProofs())
                    || !again.consistencyProofs().equals(receipt.consistencyProofs())) {
                throw new AssertionError("the receipt in " + HexFormat.of().formatHex(input)
                        + " re-encodes to other proofs");
            }
        } catch (FormatException e) {
            throw new AssertionError("the receipt in " + HexFormat.of().formatHex(input)
                    + " re-encodes to bytes that do not decode: " + e.getMessage(), e);
        }
        for (SigningKey key : new SigningKey[] {FuzzKeys.ED25519, FuzzKeys.P256}) {
            try {
                ReceiptVerifier.verifyInclusion(receipt, Digest.ZERO, key.verificationKey());
            } catch (VerificationException expected) {
                // a verdict, not a crash
            }
            try {
                ReceiptVerifier.verifyConsistency(receipt, Digest.ZERO, key.verificationKey());
            } catch (VerificationException expected) {
                // a verdict, not a crash
            }
        }
    }
}
