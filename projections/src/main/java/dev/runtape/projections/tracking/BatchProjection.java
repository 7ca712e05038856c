package dev.runtape.projections.tracking;

import dev.runtape.ledger.log.LogEntry;
import java.util.List;

/**
 * A read model fed by a {@link TrackedProjection}: it takes the log's entries a batch at a time, in log order, and
 * keeps the position of the last one it took in beside what it made of them, so that the two never disagree: that
 * position is the projection's tracking token.
 */
public interface BatchProjection {

    /** The position of the last entry taken in; {@code EventLog.BEFORE_FIRST} when empty. */
    long position();

    /**
     * Takes in consecutive entries after {@link #position()}, and moves the position to the last of them. Nothing of
     * a batch that fails may count as taken in: the processor offers the batch again.
     */
    void apply(List<LogEntry> entries) throws Exception;

    /** Forgets everything, back to position 0: a replay follows. */
    void clear() throws Exception;
}
