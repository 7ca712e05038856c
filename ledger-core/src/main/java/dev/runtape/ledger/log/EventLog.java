package dev.runtape.ledger.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only log of signed statements: the port every storage adapter implements and the contract test suite
 * checks.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Atomic batches.</b> {@link #append} stores every event of a batch or none.</li>
 *   <li><b>Optimistic concurrency per stream.</b> Each stream append holds only when the stream's last revision is
 *       the expected one; otherwise {@link RevisionConflictException} and nothing is stored. Appends to different
 *       streams do not conflict.</li>
 *   <li><b>Idempotency by event id.</b> Event ids are unique in the whole log. A batch whose every event id is stored
 *       already, each in the stream the batch names, is a retry: the original entries come back with
 *       {@link AppendResult#retried()} set and nothing is written, whatever the revisions say. A batch with some ids
 *       stored and some not, or an id stored in another stream, is refused with {@link EventIdConflictException}.</li>
 *   <li><b>A gapless global order in commit order.</b> Positions start at 1 and each committed event takes the next
 *       one, so a reader that has seen position {@code p} has seen everything committed before it and will never see
 *       an entry appear below {@code p} later. Rolled-back appends leave no hole.</li>
 *   <li><b>Durable at return.</b> When {@link #append} returns, its entries survive a crash of the process or the
 *       machine.</li>
 *   <li><b>Immutable.</b> Nothing stored is ever changed or removed through this port.</li>
 * </ul>
 *
 * <p>Implementations are safe for use by many threads at once.
 */
public interface EventLog extends AutoCloseable {

    /** The position before the first entry: read from here to read the whole log. */
    long BEFORE_FIRST = 0;

    /**
     * Appends a batch atomically.
     *
     * @throws RevisionConflictException when a stream is not at its expected revision
     * @throws EventIdConflictException when event ids are reused without being a retry
     * @throws EventLogException when the store fails
     */
    AppendResult append(AppendBatch batch);

    /** The last statement of a stream, or empty when the stream has none. */
    Optional<StreamHead> head(StreamId stream);

    /** Up to {@code limit} entries of one stream, from revision {@code fromRevision} on, in revision order. */
    List<LogEntry> readStream(StreamId stream, long fromRevision, int limit);

    /** Every entry of one stream, read a thousand at a time: for a stream that fits in memory, as one aggregate's does. */
    default List<LogEntry> readStream(StreamId stream) {
        List<LogEntry> entries = new ArrayList<>();
        for (long from = 0; ; from += 1000) {
            List<LogEntry> page = readStream(stream, from, 1000);
            entries.addAll(page);
            if (page.size() < 1000) {
                return entries;
            }
        }
    }

    /** Up to {@code limit} entries of the global order after position {@code afterPosition}, in position order. */
    List<LogEntry> readAfter(long afterPosition, int limit);

    /** The stored entry of an event id. */
    Optional<LogEntry> findByEventId(String eventId);

    /** The position of the last entry, {@link #BEFORE_FIRST} when the log is empty. */
    long lastPosition();

    /**
     * Waits until the log holds an entry after {@code position}, or the timeout passes: how readers follow the tail.
     * Returns at once when there is one already.
     *
     * @return whether there is an entry after {@code position}
     */
    boolean awaitAfter(long position, Duration timeout) throws InterruptedException;

    /** Releases the store's resources. */
    @Override
    void close();
}
