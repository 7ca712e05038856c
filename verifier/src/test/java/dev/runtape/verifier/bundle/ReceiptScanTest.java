package dev.runtape.verifier.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.verifier.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A receipt read by comparing it with one read before is read as reading it would: the ledger's receipts of
 * consecutive statements are, and of every truncation and one-byte change of them the comparison takes none that
 * reading refuses or reads otherwise, nor one whose signed parts differ.
 */
class ReceiptScanTest {

    /** Enough statements that most leaf indices take a byte or two beyond their head, as in any real log. */
    private static final List<byte[]> RECEIPTS = receipts();

    private static List<byte[]> receipts() {
        List<byte[]> receipts = new ArrayList<>();
        for (byte[] statement : BundleGenerator.generate(new BundleGenerator.Config(12, 30, true, 4)).bundle().statements()) {
            try {
                for (ByteRange receipt : StatementFacts.scan(ByteRange.of(statement)).receiptRanges()) {
                    receipts.add(receipt.copy());
                }
            } catch (FormatException e) {
                throw new IllegalStateException("the generator's statements are read", e);
            }
        }
        return receipts;
    }

    /** A receipt's bytes at an offset in a larger array, as it lies in a bundle's buffer. */
    private static ByteRange lying(byte[] receipt, int at) {
        byte[] buffer = new byte[at + receipt.length + 7];
        System.arraycopy(receipt, 0, buffer, at, receipt.length);
        return new ByteRange(buffer, at, at + receipt.length);
    }

    private static void assertReadAlike(ReceiptScan compared, @Nullable ReceiptScan read, ReceiptScan base) {
        assertThat(read).as("reading takes it too").isNotNull();
        assertThat(compared.treeSize()).isEqualTo(read.treeSize());
        assertThat(compared.leafIndex()).isEqualTo(read.leafIndex());
        assertThat(compared.path()).isEqualTo(read.path());
        byte[] header = Arrays.copyOfRange(base.bytes(), base.protectedFrom(), base.protectedTo());
        byte[] signature = Arrays.copyOfRange(base.bytes(), base.signatureFrom(), base.signatureTo());
        assertThat(read.sameSignedPartsAs(header, signature)).as("the signed parts of the one compared with").isTrue();
        assertThat(compared.sameSignedPartsAs(header, signature)).isTrue();
    }

    @Test
    void theReceiptOfTheNextStatementIsReadByComparingItWithTheLast() {
        assertThat(RECEIPTS).hasSizeGreaterThan(300);
        int compared = 0;
        for (int i = 1; i < RECEIPTS.size(); i++) {
            ReceiptScan last = ReceiptScan.of(ByteRange.of(RECEIPTS.get(i - 1)));
            ByteRange next = lying(RECEIPTS.get(i), 13);
            ReceiptScan alike = last.like(next);
            if (alike != null) {
                compared++;
                assertReadAlike(alike, ReceiptScan.of(next), last);
                assertThat(alike.leafIndex()).isNotEqualTo(last.leafIndex());
            }
        }
        assertThat(compared).as("receipts laid out as the one before").isGreaterThan(RECEIPTS.size() / 2);
    }

    @Test
    void noTruncationOrChangedByteIsTakenThatReadingRefusesOrReadsOtherwise() {
        ReceiptScan base = ReceiptScan.of(ByteRange.of(RECEIPTS.get(300)));
        byte[] original = RECEIPTS.get(301);
        assertThat(base.like(ByteRange.of(original))).isNotNull();
        List<byte[]> variants = new ArrayList<>();
        for (int length = 0; length < original.length; length++) {
            variants.add(Arrays.copyOf(original, length));
        }
        for (int at = 0; at < original.length; at++) {
            for (int value : new int[] {0x00, 0x01, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x20, 0x58, 0x7f, 0x80, 0xf6, 0xff,
                    original[at] ^ 0x01, original[at] ^ 0x80}) {
                byte[] changed = original.clone();
                changed[at] = (byte) value;
                variants.add(changed);
            }
        }
        int taken = 0;
        for (byte[] variant : variants) {
            ReceiptScan alike = base.like(lying(variant, 3));
            if (alike != null) {
                taken++;
                assertThat(alike).as(HexFormat.of().formatHex(variant)).isNotNull();
                assertReadAlike(alike, ReceiptScan.of(ByteRange.of(variant)), base);
            }
        }
        assertThat(taken).as("changes within the leaf index and the hashes are still taken").isGreaterThan(1_000);
    }
}
