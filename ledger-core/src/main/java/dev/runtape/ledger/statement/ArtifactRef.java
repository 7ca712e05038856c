package dev.runtape.ledger.statement;

import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/**
 * A large artifact (screenshot, recording, repository snapshot) stored by the digest of its raw bytes (common.cddl,
 * {@code artifact-ref}): identical artifacts are stored once. Unlike a {@link ContentRef} it is not salted, so a
 * short artifact can be guessed from its digest; sensitive contents belong in disclosures.
 *
 * @param digest SHA-256 of the bytes themselves
 */
public record ArtifactRef(Digest digest, String mediaType, long size, @Nullable String name) {

    public ArtifactRef {
        if (mediaType.isEmpty()) {
            throw new IllegalArgumentException("an artifact needs a media type");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be non-negative: " + size);
        }
    }
}
