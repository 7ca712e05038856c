package dev.runtape.verifier.checkpoint;

import dev.runtape.cbor.CborTextString;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.HeaderLabels;
import dev.runtape.verifier.cose.Sign1Builder;
import dev.runtape.verifier.keys.SigningKey;

/** Signs checkpoints as the log: COSE_Sign1 with alg, kid and the checkpoint content type protected. */
public final class CheckpointSigner {

    private final SigningKey key;

    public CheckpointSigner(SigningKey key) {
        this.key = key;
    }

    public CoseSign1 sign(Checkpoint checkpoint) {
        return Sign1Builder.signingWith(key)
                .protectedParameter(HeaderLabels.CONTENT_TYPE, CborTextString.of(Checkpoint.CONTENT_TYPE))
                .sign(checkpoint.encode());
    }
}
