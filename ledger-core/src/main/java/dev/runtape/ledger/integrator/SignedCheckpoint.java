package dev.runtape.ledger.integrator;

import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.cose.CoseSign1;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A checkpoint and the COSE_Sign1 the log signed it in: what the integrator stores and what clients receive.
 * The checkpoint is the message's payload, decoded; {@link #of} makes sure the two agree.
 */
public record SignedCheckpoint(Checkpoint checkpoint, CoseSign1 message) {

    public SignedCheckpoint {
        Optional<byte[]> payload = message.payload();
        if (payload.isEmpty() || !Arrays.equals(payload.get(), checkpoint.encode())) {
            throw new IllegalArgumentException("the signed message does not carry the checkpoint of size "
                    + checkpoint.treeSize() + " as its payload");
        }
    }

    /**
     * The signed checkpoint in {@code encoded}, a COSE_Sign1 as {@link #encode()} wrote it. The signature is not
     * checked: this reads back what the integrator stored; clients check with {@code CheckpointVerifier}.
     *
     * @throws FormatException if the bytes are not a COSE_Sign1 whose payload is a checkpoint
     */
    public static SignedCheckpoint decode(byte[] encoded) throws FormatException {
        CoseSign1 message = CoseSign1.decode(encoded);
        byte[] payload = message.payload().orElseThrow(() ->
                new FormatException("checkpoint: the payload must be attached"));
        return new SignedCheckpoint(Checkpoint.decode(payload), message);
    }

    /** The COSE_Sign1 bytes. */
    public byte[] encode() {
        return message.encode();
    }

    public long treeSize() {
        return checkpoint.treeSize();
    }

    public Digest root() {
        return checkpoint.root();
    }

    public Instant timestamp() {
        return checkpoint.timestamp();
    }
}
