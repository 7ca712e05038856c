package dev.runtape.ledger.axon;

import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;

/**
 * Everything a statement says before it is signed: the event's payload and where it stands in its stream.
 *
 * @param prev the digest of the stream's previous statement, {@link Digest#ZERO} for the first
 */
public record StatementDraft(StreamId stream, long revision, Digest prev, String eventType, String eventId,
        String tenant, String principal, Object payload) {
}
