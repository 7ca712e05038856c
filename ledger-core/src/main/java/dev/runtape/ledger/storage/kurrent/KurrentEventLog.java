package dev.runtape.ledger.storage.kurrent;

import dev.runtape.ledger.internal.LogTail;
import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event log on KurrentDB (decision 0018).
 *
 * <p>The commit point of a batch is one event of the commit stream ({@link KurrentNames#commitStream()}), appended
 * at the commit stream's expected revision: KurrentDB writes one event of one stream atomically, so a batch over
 * many streams is stored whole or not at all, and an expected revision on that one stream makes every writer, on
 * every node, build on the same history. Before it writes, the log reads the commit stream up to its end and judges
 * the batch against what it read (event ids first, then each stream's revision); when another writer got in between,
 * KurrentDB answers "wrong expected version" and the log reads on and judges again. Readers see only what the commit
 * stream holds, so they see whole batches. After the commit each Runtape stream is copied into a KurrentDB stream of
 * its own ({@link StreamCopies}).
 *
 * <p>Reads are answered from the committed entries held in memory ({@link CommittedEntries}), after reading the
 * commit stream on from where this log stopped: a read sees every batch committed before it began, by any node.
 * Holding every entry in memory bounds the log by the node's memory (decision 0018 says how far that goes).
 */
public final class KurrentEventLog implements EventLog {

    private static final int READ_PAGE = 500;

    private final KurrentDBClient client;
    private final KurrentNames names;
    private final ServerCalls calls;
    private final CommittedEntries committed = new CommittedEntries();
    private final StreamCopies copies;
    private final LogTail tail = new LogTail();
    /** One writer at a time in this process, in arrival order. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** One reader of the commit stream at a time: the entries are added in order. */
    private final ReentrantLock catchUpLock = new ReentrantLock();
    private volatile boolean closed;

    private KurrentEventLog(KurrentDBClient client, KurrentNames names, ServerCalls calls) {
        this.client = client;
        this.names = names;
        this.calls = calls;
        this.copies = new StreamCopies(client, names, calls);
    }

    /**
     * Connects to the server and reads the log's commit stream.
     *
     * @throws EventLogException when the connection string is malformed or the server cannot be read
     */
    public static KurrentEventLog open(KurrentLogSettings settings) {
        String server = KurrentLogSettings.redacted(settings.connectionString());
        KurrentDBClient client;
        try {
            client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(settings.connectionString()));
        } catch (RuntimeException e) {
            throw new EventLogException("KurrentDB " + server + ": not a usable connection string: "
                    + e.getMessage(), e);
        }
        KurrentEventLog log = new KurrentEventLog(client, new KurrentNames(settings.namespace()),
                new ServerCalls(settings.timeout(), server));
        try {
            log.catchUp();
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        return log;
    }

    @Override
    public AppendResult append(AppendBatch batch) {
        checkOpen();
        writeLock.lock();
        try {
            checkOpen();
            while (true) {
                catchUp();
                CommittedEntries.Judgement judged = committed.judge(batch);
                if (judged.retry().isPresent()) {
                    return judged.retry().get();
                }
                // the revision and position it was judged at: a reader may have read further meanwhile
                long revision = judged.commitRevision();
                CommittedBatch record = CommittedBatch.of(batch, judged.lastPosition() + 1);
                if (commit(record, revision)) {
                    catchUp();
                    List<LogEntry> mine = committed.after(record.firstPosition() - 1, batch.size());
                    if (mine.size() != batch.size() || !mine.getFirst().eventId().equals(
                            record.events().getFirst().eventId())) {
                        throw new EventLogException("KurrentDB commit stream " + names.commitStream()
                                + ": expected the batch committed at revision " + (revision + 1)
                                + " to read back at position " + record.firstPosition() + ", found " + mine);
                    }
                    copies.copy(mine, committed);
                    return new AppendResult(mine, false);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Appends the batch after commit-stream revision {@code revision}; false when another writer was first. */
    private boolean commit(CommittedBatch record, long revision) {
        byte[] data = record.encode();
        EventData event = EventData.builderAsJson(names.batchId(data), CommittedBatch.EVENT_TYPE, data).build();
        StreamState expected = revision < 0 ? StreamState.noStream() : StreamState.streamRevision(revision);
        try {
            calls.await(client.appendToStream(names.commitStream(), AppendToStreamOptions.get().streamState(expected),
                    event), "commit " + record.events().size() + " events");
            return true;
        } catch (WrongExpectedVersionException another) {
            return false;
        }
    }

    /** Reads the commit stream on to its end; returns the entries it added, in position order. */
    private List<LogEntry> catchUp() {
        checkOpen();
        catchUpLock.lock();
        try {
            List<LogEntry> added = new java.util.ArrayList<>();
            while (true) {
                long from = committed.commitRevision() + 1;
                List<ResolvedEvent> page;
                try {
                    page = calls.await(client.readStream(names.commitStream(),
                            ReadStreamOptions.get().forwards().fromRevision(from).maxCount(READ_PAGE)),
                            "read the commit stream " + names.commitStream() + " from revision " + from).getEvents();
                } catch (StreamNotFoundException empty) {
                    return added;
                }
                for (ResolvedEvent resolved : page) {
                    added.addAll(add(resolved.getOriginalEvent()));
                }
                if (!added.isEmpty()) {
                    tail.committed(added.getLast().position());
                }
                if (page.size() < READ_PAGE) {
                    return added;
                }
            }
        } finally {
            catchUpLock.unlock();
        }
    }

    private List<LogEntry> add(RecordedEvent event) {
        String where = "KurrentDB commit stream " + names.commitStream() + ": revision " + event.getRevision();
        if (!CommittedBatch.EVENT_TYPE.equals(event.getEventType())) {
            throw new EventLogException(where + ": expected an event of type " + CommittedBatch.EVENT_TYPE
                    + ", found " + event.getEventType());
        }
        CommittedBatch batch;
        try {
            batch = CommittedBatch.decode(event.getEventData());
        } catch (IOException e) {
            throw new EventLogException(where + ": expected a Runtape batch, found " + e.getMessage(), e);
        }
        try {
            return committed.add(event.getRevision(), batch, event.getCreated().truncatedTo(ChronoUnit.MILLIS),
                    event.getPosition());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new EventLogException(where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StreamHead> head(StreamId stream) {
        catchUp();
        return committed.last(stream)
                .map(entry -> new StreamHead(stream, entry.revision(), entry.statement().digest()));
    }

    @Override
    public List<LogEntry> readStream(StreamId stream, long fromRevision, int limit) {
        requireNotNegative("revision", fromRevision);
        requireNotNegative("limit", limit);
        catchUp();
        return committed.stream(stream, fromRevision, limit);
    }

    @Override
    public List<LogEntry> readAfter(long afterPosition, int limit) {
        requireNotNegative("position", afterPosition);
        requireNotNegative("limit", limit);
        catchUp();
        return committed.after(afterPosition, limit);
    }

    @Override
    public Optional<LogEntry> findByEventId(String eventId) {
        catchUp();
        return committed.byEventId(eventId);
    }

    @Override
    public long lastPosition() {
        catchUp();
        return committed.lastPosition();
    }

    /**
     * Where the entry at {@code position} stands in KurrentDB's {@code $all}: the commit and prepare position of the
     * commit-stream event holding its batch (every entry of a batch shares it). For matching the log's positions with
     * what KurrentDB's own tools and {@code $all} subscriptions show; the log's order never depends on it.
     */
    public Optional<Position> allPositionOf(long position) {
        catchUp();
        return committed.allPositionOf(position);
    }

    @Override
    public boolean awaitAfter(long position, Duration timeout) throws InterruptedException {
        requireNotNegative("position", position);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must not be negative: " + timeout);
        }
        return tail.awaitAfter(position, timeout, this::lastPosition);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tail.close();
        try {
            client.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the connection goes with the process: nothing of the log is lost by a shutdown that did not finish
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new EventLogException("the KurrentDB event log " + names.namespace() + " is closed");
        }
    }

    private static void requireNotNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}
