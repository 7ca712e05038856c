package dev.runtape.api.transparency;

import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.verifier.Digest;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A signed checkpoint for people and JSON clients: what it states and the key that signed it. Only the COSE_Sign1
 * ({@code Accept: application/cose}) can be verified; this view is for reading.
 *
 * @param kid the signing key's RFC 9679 thumbprint, hex, as {@code /.well-known/runtape/keys} names it
 */
public record CheckpointView(String origin, long treeSize, Digest root, Instant timestamp, @Nullable String kid) {

    static CheckpointView of(SignedCheckpoint signed) {
        return new CheckpointView(signed.checkpoint().origin(), signed.treeSize(), signed.root(), signed.timestamp(),
                signed.message().kid().map(HexFormat.of()::formatHex).orElse(null));
    }
}
