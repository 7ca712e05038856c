package dev.runtape.ledger.log;

/**
 * An append's premise did not hold: the stream's last revision was not the expected one. Nothing was stored.
 *
 * @see ExpectedRevision
 */
public final class RevisionConflictException extends EventLogException {

    private final StreamId stream;
    private final ExpectedRevision expected;
    private final ExpectedRevision actual;

    public RevisionConflictException(StreamId stream, ExpectedRevision expected, ExpectedRevision actual) {
        super("stream " + stream + ": expected " + expected + ", but it is at " + actual);
        this.stream = stream;
        this.expected = expected;
        this.actual = actual;
    }

    public StreamId stream() {
        return stream;
    }

    public ExpectedRevision expected() {
        return expected;
    }

    /** The stream's last revision when the append was refused. */
    public ExpectedRevision actual() {
        return actual;
    }
}
