package dev.runtape.ledger.content;

import dev.runtape.verifier.Digest;

/** What a streamed put stored: the digest of the bytes and how many there were. */
public record StoredContent(Digest digest, long size) {

    public StoredContent {
        if (size < 0) {
            throw new IllegalArgumentException("size must be non-negative: " + size);
        }
    }
}
