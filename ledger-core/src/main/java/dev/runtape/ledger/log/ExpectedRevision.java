package dev.runtape.ledger.log;

/**
 * What an append expects the stream's last revision to be: {@link #NO_STREAM} for a stream that must not exist yet,
 * otherwise the revision of its last statement. Revisions count from 0 (Axon's sequence numbers).
 *
 * <p>There is deliberately no "any revision": every statement names its revision and its {@code prev}, so a writer
 * always knows the head it builds on, and an append that does not hold its premise must fail.
 */
public record ExpectedRevision(long lastRevision) {

    public static final ExpectedRevision NO_STREAM = new ExpectedRevision(-1);

    public ExpectedRevision {
        if (lastRevision < -1) {
            throw new IllegalArgumentException("expected revision must be -1 (no stream) or more: " + lastRevision);
        }
    }

    public static ExpectedRevision of(long lastRevision) {
        return lastRevision == -1 ? NO_STREAM : new ExpectedRevision(lastRevision);
    }

    /** The revision the first appended statement gets. */
    public long nextRevision() {
        return lastRevision + 1;
    }

    @Override
    public String toString() {
        return lastRevision == -1 ? "no stream" : "revision " + lastRevision;
    }
}
