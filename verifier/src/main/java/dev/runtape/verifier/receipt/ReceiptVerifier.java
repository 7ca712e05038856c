package dev.runtape.verifier.receipt;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.VerificationException;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.InclusionProof;
import java.util.Optional;

/** Verifies receipts: the proof recomputes a root, and the log's signature must cover exactly that root. */
public final class ReceiptVerifier {

    private ReceiptVerifier() {
    }

    /**
     * Verifies that the leaf with hash {@code leafHash} is in the log, by one of the receipt's inclusion proofs.
     *
     * @return the tree size and root the receipt's signature covers
     * @throws VerificationException if the receipt has no inclusion proof, or none of its proofs leads from this
     *     leaf to a root signed by {@code key}
     */
    public static TreeHead verifyInclusion(Receipt receipt, Digest leafHash, VerificationKey key)
            throws VerificationException {
        if (receipt.inclusionProofs().isEmpty()) {
            throw new VerificationException("the receipt holds no inclusion proof");
        }
        VerificationException last = null;
        for (InclusionProof proof : receipt.inclusionProofs()) {
            try {
                Digest root = proof.rootFrom(leafHash);
                verifySignature(receipt, root, key);
                return new TreeHead(proof.treeSize(), root);
            } catch (VerificationException e) {
                last = e;
            }
        }
        if (receipt.inclusionProofs().size() == 1) {
            throw last;
        }
        throw new VerificationException("none of the receipt's " + receipt.inclusionProofs().size()
                + " inclusion proofs leads from leaf " + leafHash + " to a signed root; the last said: "
                + last.getMessage(), last);
    }

    /**
     * Verifies that the log of the receipt's newer size extends the tree whose root is {@code oldRoot}.
     *
     * @return the newer tree size and root the receipt's signature covers
     * @throws VerificationException if the receipt holds no consistency proof, the proof does not start from
     *     {@code oldRoot}, or the signature does not cover the root it leads to
     */
    public static TreeHead verifyConsistency(Receipt receipt, Digest oldRoot, VerificationKey key)
            throws VerificationException {
        if (receipt.consistencyProofs().size() != 1) {
            throw new VerificationException("expected one consistency proof in the receipt, found "
                    + receipt.consistencyProofs().size());
        }
        ConsistencyProof proof = receipt.consistencyProofs().getFirst();
        Digest newRoot = proof.newRootFrom(oldRoot);
        verifySignature(receipt, newRoot, key);
        return new TreeHead(proof.size2(), newRoot);
    }

    private static void verifySignature(Receipt receipt, Digest root, VerificationKey key)
            throws VerificationException {
        try {
            Sign1Verifier.verify(receipt.message(), key, new byte[0], Optional.of(root.bytes()));
        } catch (VerificationException e) {
            throw new VerificationException("the log's signature does not cover root " + root + ": "
                    + e.getMessage(), e);
        }
    }
}
