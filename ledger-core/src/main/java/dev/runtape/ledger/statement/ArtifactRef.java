package dev.runtape.ledger.statement;

import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/** A large artifact stored by the digest of its raw bytes (common.cddl, {@code artifact-ref}). */
public record ArtifactRef(Digest digest, String mediaType, long size, @Nullable String name) {
}
