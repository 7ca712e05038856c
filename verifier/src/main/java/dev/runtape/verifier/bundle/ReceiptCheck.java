package dev.runtape.verifier.bundle;

import dev.runtape.cbor.CborMap;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.merkle.InclusionMemo;
import dev.runtape.verifier.merkle.InclusionProof;
import dev.runtape.verifier.receipt.Receipt;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Checks a statement's receipt against the bundle's checkpoint: an inclusion proof for the checkpoint's tree size
 * that leads from the statement's leaf hash to the checkpoint's root, signed by a ledger key, issued by the
 * checkpoint's log.
 *
 * <p>Every receipt of a bundle signs the same root, so with deterministic Ed25519 they mostly share one protected
 * header and one signature: a signature verified once over the checkpoint's root is not verified again.
 * Thread-safe; each {@link Batch} of consecutive statements keeps its own memo of inner nodes.
 */
final class ReceiptCheck {

    private static final long CWT_ISS = 1;

    private final Checkpoint checkpoint;
    private final KeySet ledgerKeys;
    /** Protected header and signature, together, of each receipt signature verified over the checkpoint's root. */
    private final Set<ByteBuffer> verified = ConcurrentHashMap.newKeySet();

    ReceiptCheck(Checkpoint checkpoint, KeySet ledgerKeys) {
        this.checkpoint = checkpoint;
        this.ledgerKeys = ledgerKeys;
    }

    /** The checks of one batch of consecutive statements, on one thread. */
    Batch batch() {
        return new Batch();
    }

    /** Checks receipts one after another on one thread, reusing the inner nodes their proofs share. */
    final class Batch {

        private final InclusionMemo memo = new InclusionMemo();
        private byte[] lastHeader = new byte[0];
        private byte[] lastSignature = new byte[0];
        /** The last receipt proved alone: its protected header and signature are {@link #lastHeader}'s. */
        private @Nullable ReceiptScan lastAlone;

        private Batch() {
        }

        /**
         * Verifies the receipts attached to {@code statement}; one must prove it.
         *
         * @return the statement's leaf index
         * @throws VerificationException why none proves it
         */
        long leafIndex(StatementFacts statement) throws VerificationException {
            if (statement.receiptRanges().isEmpty()) {
                throw new VerificationException("no receipt attached (unprotected label 394)");
            }
            VerificationException last = null;
            for (ByteRange range : statement.receiptRanges()) {
                long proved = provedAlone(range, statement.leafHash());
                if (proved >= 0) {
                    return proved;
                }
                try {
                    Receipt receipt = Receipt.decode(range.copy());
                    checkIssuer(receipt);
                    if (receipt.inclusionProofs().isEmpty()) {
                        throw new VerificationException("the receipt holds no inclusion proof");
                    }
                    for (InclusionProof proof : receipt.inclusionProofs()) {
                        try {
                            prove(receipt, proof, statement.leafHash());
                            return proof.leafIndex();
                        } catch (VerificationException e) {
                            last = e;
                        }
                    }
                } catch (FormatException e) {
                    last = new VerificationException(e.getMessage(), e);
                } catch (VerificationException e) {
                    last = e;
                }
            }
            throw last;
        }

        /**
         * The leaf index a receipt proves when its protected header and signature are those this batch verified last
         * (over the checkpoint's root, with its issuer checked), so that its proof alone decides; -1 when they are
         * not, or anything about it is not as expected: the full check then reads it and says what is wrong.
         */
        private long provedAlone(ByteRange bytes, Digest leafHash) {
            if (lastHeader.length == 0) {
                return -1; // nothing verified yet
            }
            // Laid out as the last receipt proved alone, it has its tree size and signed parts: compared, not read.
            ReceiptScan receipt = lastAlone != null ? lastAlone.like(bytes) : null;
            if (receipt == null) {
                receipt = ReceiptScan.of(bytes);
                if (receipt == null || receipt.treeSize() != checkpoint.treeSize()
                        || !receipt.sameSignedPartsAs(lastHeader, lastSignature)) {
                    return -1;
                }
            }
            try {
                Digest root = memo.rootFrom(receipt.leafIndex(), receipt.treeSize(), leafHash, receipt.path());
                if (!root.equals(checkpoint.root())) {
                    return -1;
                }
            } catch (VerificationException e) {
                return -1;
            }
            lastAlone = receipt;
            return receipt.leafIndex();
        }

        private void prove(Receipt receipt, InclusionProof proof, Digest leafHash) throws VerificationException {
            if (proof.treeSize() != checkpoint.treeSize()) {
                throw new VerificationException("the receipt is for a tree of " + proof.treeSize()
                        + " leaves, the checkpoint's has " + checkpoint.treeSize());
            }
            Digest root = memo.rootFrom(proof.leafIndex(), proof.treeSize(), leafHash, proof.path());
            if (!root.equals(checkpoint.root())) {
                throw new VerificationException("the receipt's proof leads to root " + root
                        + ", not to the checkpoint's root " + checkpoint.root());
            }
            // The root is the checkpoint's here, so header and signature alone decide the outcome.
            byte[] header = receipt.message().protectedHeader().encoded();
            byte[] signature = receipt.message().signature();
            if (Arrays.equals(header, lastHeader) && Arrays.equals(signature, lastSignature)) {
                return;
            }
            ByteBuffer key = ByteBuffer.allocate(header.length + signature.length).put(header).put(signature).flip();
            if (!verified.contains(key)) {
                try {
                    Sign1Verifier.verify(receipt.message(), ledgerKeys, new byte[0], Optional.of(root.bytes()));
                } catch (VerificationException e) {
                    throw new VerificationException("the receipt's signature over the checkpoint's root: "
                            + e.getMessage(), e);
                }
                verified.add(key);
            }
            lastHeader = header;
            lastSignature = signature;
            lastAlone = null;
        }
    }

    private void checkIssuer(Receipt receipt) throws VerificationException {
        Optional<CborValue> claims = receipt.message().protectedHeader().map().get(HeaderLabels.CWT_CLAIMS);
        Optional<CborValue> issuer = claims.filter(CborMap.class::isInstance).flatMap(c -> ((CborMap) c).get(CWT_ISS));
        if (!issuer.equals(Optional.of(CborTextString.of(checkpoint.origin())))) {
            throw new VerificationException("the receipt's issuer " + issuer.map(Object::toString).orElse("(none)")
                    + " is not the checkpoint's log \"" + checkpoint.origin() + "\"");
        }
    }
}
