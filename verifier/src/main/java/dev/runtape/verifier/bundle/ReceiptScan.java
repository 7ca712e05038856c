package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborException;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.merkle.PathHashes;
import dev.runtape.verifier.receipt.Receipt;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A receipt of the shape the ledger attaches, read where it lies and checked as it is read ({@link CheckedCbor}):
 * deterministic CBOR, a COSE_Sign1 with a detached
 * payload whose unprotected header holds one inclusion proof and nothing else ({@code {396: {-1: [proof]}}}). The
 * receipts of one bundle share their protected header and signature, so a checker that has verified those once needs
 * only the proof of each further one: {@link #sameSignedPartsAs} tells it, without copying or decoding them; and a
 * receipt laid out as one already read, byte for byte but for its leaf index and its path's hashes, is read by
 * comparing it with that one ({@link #like}). Any other shape is left to {@link Receipt#decode}, which names what is
 * wrong.
 *
 * @param from where the receipt starts in {@code bytes}
 * @param to where it ends
 * @param leafHead where the head of its leaf index lies
 * @param offsets where each hash of its path starts
 * @param path the inclusion path, checked to hold 32-byte hashes
 */
record ReceiptScan(byte[] bytes, int from, int to, int protectedFrom, int protectedTo, int signatureFrom,
        int signatureTo, long treeSize, int leafHead, long leafIndex, int[] offsets, List<Digest> path) {

    private static final int NIL = 0xf6;

    /** The receipt, or null when it is not of that shape. */
    static @Nullable ReceiptScan of(ByteRange receipt) {
        try {
            return scan(receipt.bytes(), receipt.from(), receipt.to());
        } catch (CborException | FormatException e) {
            return null;
        }
    }

    /**
     * The receipt in {@code receipt} when it is laid out as this one: of the same length, and the same bytes but for
     * its leaf index's argument (in its shortest form, within the tree) and its path's hashes. It is then valid
     * deterministic CBOR of the shape this one was read to have, with the same tree size, protected header and
     * signature, and its leaf index and hashes are where this one's are. Null when it is not so laid out; it is then
     * read ({@link #of}).
     */
    @Nullable ReceiptScan like(ByteRange receipt) {
        byte[] other = receipt.bytes();
        int shift = receipt.from() - from;
        int head = leafHead;
        int info = bytes[head] & 0x1f;
        if (receipt.length() != to - from || info < 24 || info > 27
                || !Arrays.equals(bytes, from, head + 1, other, receipt.from(), head + 1 + shift)) {
            return null;
        }
        int width = 1 << (info - 24);
        long index = 0;
        for (int i = 1; i <= width; i++) {
            index = (index << 8) | (other[head + i + shift] & 0xff);
        }
        if (Long.compareUnsigned(index, width == 1 ? 24 : 1L << (4 * width)) < 0 || index < 0 || index >= treeSize) {
            return null;
        }
        int[] moved = new int[offsets.length];
        int after = head + 1 + width;
        for (int i = 0; i < offsets.length; i++) {
            // What lies between the leaf index and the first hash, and between hashes: heads, the same.
            if (!same(other, after, offsets[i], shift)) {
                return null;
            }
            moved[i] = offsets[i] + shift;
            after = offsets[i] + Digest.LENGTH;
        }
        if (!Arrays.equals(bytes, after, to, other, after + shift, to + shift)) {
            return null;
        }
        return new ReceiptScan(other, receipt.from(), receipt.to(), protectedFrom + shift, protectedTo + shift,
                signatureFrom + shift, signatureTo + shift, treeSize, head + shift, index, moved,
                new PathHashes(other, moved));
    }

    /** Whether {@code other} holds this receipt's bytes {@code from} to {@code to}, moved by {@code shift}. */
    private boolean same(byte[] other, int from, int to, int shift) {
        if (to - from > Long.BYTES) {
            return Arrays.equals(bytes, from, to, other, from + shift, to + shift);
        }
        for (int i = from; i < to; i++) { // a path's heads, two bytes each: no call for so few
            if (bytes[i] != other[i + shift]) {
                return false;
            }
        }
        return true;
    }

    /** Whether its protected header and signature are, byte for byte, {@code header} and {@code signature}. */
    boolean sameSignedPartsAs(byte[] header, byte[] signature) {
        return Arrays.equals(bytes, protectedFrom, protectedTo, header, 0, header.length)
                && Arrays.equals(bytes, signatureFrom, signatureTo, signature, 0, signature.length);
    }

    private static @Nullable ReceiptScan scan(byte[] bytes, int from, int to) throws CborException, FormatException {
        CheckedCbor cbor = new CheckedCbor(bytes, from, to);
        if (cbor.peekMajor() == CheckedCbor.TAG && cbor.head().argument() != CoseSign1.TAG) {
            return null;
        }
        if (!is(cbor.head(), CheckedCbor.ARRAY, 4) || cbor.head().major() != CheckedCbor.BYTES) {
            return null;
        }
        int protectedFrom = cbor.takeString();
        int protectedTo = cbor.position();
        if (!is(cbor.head(), CheckedCbor.MAP, 1) || !is(cbor.head(), CheckedCbor.UNSIGNED, HeaderLabels.VDP)
                || !is(cbor.head(), CheckedCbor.MAP, 1) || !is(cbor.head(), CheckedCbor.NEGATIVE, -1 - Receipt.INCLUSION_PROOFS)
                || !is(cbor.head(), CheckedCbor.ARRAY, 1) || cbor.head().major() != CheckedCbor.BYTES) {
            return null;
        }
        int proofFrom = cbor.takeString();
        int proofTo = cbor.position();
        if (cbor.peekByte() != NIL) {
            return null;
        }
        cbor.skip(1);
        if (cbor.head().major() != CheckedCbor.BYTES) {
            return null;
        }
        int signatureFrom = cbor.takeString();
        int signatureTo = cbor.position();
        if (!cbor.atEnd()) {
            return null;
        }

        CheckedCbor proof = new CheckedCbor(bytes, proofFrom, proofTo);
        if (!is(proof.head(), CheckedCbor.ARRAY, 3) || proof.head().major() != CheckedCbor.UNSIGNED) {
            return null;
        }
        long treeSize = proof.argument();
        int leafHead = proof.position();
        if (proof.head().major() != CheckedCbor.UNSIGNED) {
            return null;
        }
        long leafIndex = proof.argument();
        if (treeSize < 0 || leafIndex < 0 || leafIndex >= treeSize || proof.head().major() != CheckedCbor.ARRAY) {
            return null; // a size beyond a long, or an index outside the tree: decoding says which
        }
        long hashes = proof.argument();
        if (hashes > Long.SIZE) {
            return null; // no tree of a size below 2^63 has a longer path: decoding says what is wrong
        }
        int[] offsets = new int[(int) hashes];
        for (int i = 0; i < offsets.length; i++) {
            if (proof.head().major() != CheckedCbor.BYTES || proof.argument() != Digest.LENGTH) {
                return null;
            }
            offsets[i] = proof.takeString();
        }
        if (!proof.atEnd()) {
            return null;
        }
        return new ReceiptScan(bytes, from, to, protectedFrom, protectedTo, signatureFrom, signatureTo, treeSize,
                leafHead, leafIndex, offsets, new PathHashes(bytes, offsets));
    }

    private static boolean is(CheckedCbor head, int major, long argument) {
        return head.major() == major && head.argument() == argument;
    }
}
