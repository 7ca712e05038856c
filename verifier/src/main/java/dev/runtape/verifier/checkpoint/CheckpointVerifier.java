package dev.runtape.verifier.checkpoint;

import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.VerificationException;
import dev.runtape.cbor.CborTextString;
import dev.runtape.cbor.CborValue;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.receipt.TreeHead;
import java.util.Optional;

/** Verifies signed checkpoints, and the consistency of a newer checkpoint with one already trusted. */
public final class CheckpointVerifier {

    private CheckpointVerifier() {
    }

    /**
     * The checkpoint in {@code signed}, after checking its signature with the key its kid names in {@code keys}.
     *
     * @throws FormatException if the message or its payload is malformed or not a checkpoint
     * @throws VerificationException if the key is unknown or the signature invalid
     */
    public static Checkpoint verify(CoseSign1 signed, KeySet keys) throws FormatException, VerificationException {
        Optional<CborValue> contentType = signed.protectedHeader().map().get(HeaderLabels.CONTENT_TYPE);
        if (!contentType.equals(Optional.of(CborTextString.of(Checkpoint.CONTENT_TYPE)))) {
            throw new FormatException("checkpoint: the protected content type must be " + Checkpoint.CONTENT_TYPE
                    + ", found " + contentType.map(Object::toString).orElse("none"));
        }
        byte[] payload = signed.payload().orElseThrow(() ->
                new FormatException("checkpoint: the payload must be attached"));
        Sign1Verifier.verify(signed, keys, new byte[0], Optional.empty());
        return Checkpoint.decode(payload);
    }

    /**
     * Checks that {@code newer} extends {@code older}: same origin, not smaller, and the consistency proof leads
     * from the older root to the newer one.
     *
     * @throws VerificationException naming what differs
     */
    public static void verifyConsistency(Checkpoint older, Checkpoint newer, ConsistencyProof proof)
            throws VerificationException {
        if (!older.origin().equals(newer.origin())) {
            throw new VerificationException("checkpoints of different logs: " + older.origin() + " and "
                    + newer.origin());
        }
        if (proof.size1() != older.treeSize() || proof.size2() != newer.treeSize()) {
            throw new VerificationException("the consistency proof is from size " + proof.size1() + " to "
                    + proof.size2() + ", but the checkpoints have sizes " + older.treeSize() + " and "
                    + newer.treeSize());
        }
        proof.verify(older.root(), newer.root());
    }

    /**
     * Checks that a receipt's tree head is the one {@code checkpoint} states.
     *
     * @throws VerificationException if size or root differ
     */
    public static void verifyCovers(Checkpoint checkpoint, TreeHead head) throws VerificationException {
        if (checkpoint.treeSize() != head.treeSize() || !checkpoint.root().equals(head.root())) {
            throw new VerificationException("the receipt leads to size " + head.treeSize() + " root " + head.root()
                    + ", but the checkpoint states size " + checkpoint.treeSize() + " root " + checkpoint.root());
        }
    }
}
