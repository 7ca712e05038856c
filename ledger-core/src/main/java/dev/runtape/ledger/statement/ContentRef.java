package dev.runtape.ledger.statement;

import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/** A reference to a salted disclosure in the content store (common.cddl, {@code content-ref}). */
public record ContentRef(Digest digest, @Nullable String mediaType, @Nullable Long size) {
}
