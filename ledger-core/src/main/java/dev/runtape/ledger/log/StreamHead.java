package dev.runtape.ledger.log;

import dev.runtape.verifier.Digest;

/**
 * The last statement of a stream: what the next statement builds on ({@code revision + 1}, {@code prev = digest}).
 */
public record StreamHead(StreamId stream, long revision, Digest digest) {

    /** What the next append to this stream expects. */
    public ExpectedRevision expected() {
        return ExpectedRevision.of(revision);
    }
}
