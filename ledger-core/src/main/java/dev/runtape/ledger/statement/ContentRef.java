package dev.runtape.ledger.statement;

import dev.runtape.verifier.Digest;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a salted disclosure in the content store (common.cddl, {@code content-ref}): what a payload carries
 * in place of a redactable content. {@link Disclosures} makes them.
 *
 * @param digest SHA-256 of the encoded disclosure
 * @param mediaType of the disclosed value when it is bytes, e.g. "image/png"; absent for text and structured values
 * @param size length in bytes of the disclosed value (UTF-8 for text, the encoding for structured values)
 */
public record ContentRef(Digest digest, @Nullable String mediaType, @Nullable Long size) {

    public ContentRef {
        if (mediaType != null && mediaType.isEmpty()) {
            throw new IllegalArgumentException("a media type cannot be empty");
        }
        if (size != null && size < 0) {
            throw new IllegalArgumentException("size must be non-negative: " + size);
        }
    }

    /** A reference that gives only the digest. */
    public static ContentRef of(Digest digest) {
        return new ContentRef(digest, null, null);
    }
}
