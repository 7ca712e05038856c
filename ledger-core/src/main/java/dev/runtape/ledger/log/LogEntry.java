package dev.runtape.ledger.log;

import java.time.Instant;

/**
 * One stored statement and where it stands: its position in the global order (from 1, gapless, in commit order) and
 * its revision in its stream (from 0).
 *
 * @param recordedAt when the log committed it, by the store's clock
 */
public record LogEntry(long position, StreamId stream, long revision, String eventId, String eventType,
        String tenant, StatementBytes statement, Instant recordedAt) {

    public LogEntry {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1: " + position);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revisions start at 0: " + revision);
        }
    }
}
