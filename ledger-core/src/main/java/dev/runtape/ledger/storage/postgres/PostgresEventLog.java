package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.internal.LogTail;
import dev.runtape.ledger.internal.GroupCommit;
import dev.runtape.ledger.internal.GroupCommit.Outcome;
import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The event log in PostgreSQL, shared by every node that opens the same database. Every guarantee of
 * {@link EventLog} holds across nodes: appends serialise on one counter row (see {@link PostgresAppend}), and a commit
 * is durable when it returns as far as the server's {@code synchronous_commit} makes it so (on by default).
 *
 * <p>Appends that arrive through this log while one of its transactions runs are combined into its next transaction
 * (group commit): they share one hold of the counter's lock and one flush of the server's log, and an append that
 * is refused or fails is rolled back alone. Every caller returns once the
 * transaction holding its append has committed. {@code recordedAt} is the server's clock, in microseconds, read once
 * per transaction under the counter's lock.
 */
public final class PostgresEventLog implements EventLog {

    private static final String SELECT = "SELECT " + PostgresLogSchema.ENTRY_COLUMNS + " FROM event_log ";

    /**
     * The most events one transaction takes from the queue: enough to share a flush among many callers, few enough
     * that a transaction stays short.
     */
    private static final int MAX_GROUP_EVENTS = 10_000;

    private final PostgresDatabase database;
    private final LogTail tail = new LogTail();
    private final GroupCommit<AppendBatch, AppendResult> appends =
            new GroupCommit<>(this::commit, AppendBatch::size, MAX_GROUP_EVENTS);
    private volatile boolean closed;

    private PostgresEventLog(PostgresDatabase database) {
        this.database = database;
    }

    /**
     * The event log in {@code database}, whose tables are created when missing (safe when several nodes start at
     * once). {@link #close()} leaves the database open: other adapters may share it, and its opener closes it.
     */
    public static PostgresEventLog open(PostgresDatabase database) {
        try {
            database.createSchema(PostgresLogSchema.STATEMENTS);
        } catch (SQLException e) {
            throw failure("could not create the event log's tables", e);
        }
        return new PostgresEventLog(database);
    }

    @Override
    public AppendResult append(AppendBatch batch) {
        checkOpen();
        return appends.submit(batch);
    }

    /**
     * One transaction for a group of appends, tried the fast way first (see {@link PostgresAppend}); when a statement
     * fails, the group is rolled back and run again with a savepoint per append. When that fails as a whole, nothing
     * of the group is stored.
     */
    private List<Outcome<AppendResult>> commit(List<AppendBatch> group) {
        List<Outcome<AppendResult>> outcomes;
        try {
            outcomes = database.write(connection -> PostgresAppend.fast(connection, group));
        } catch (SQLException fastTryFailed) {
            try {
                outcomes = database.write(connection -> PostgresAppend.careful(connection, group,
                        PostgresEventLog::failure));
            } catch (SQLException e) {
                e.addSuppressed(fastTryFailed);
                return group.stream().<Outcome<AppendResult>>map(batch -> new Outcome.Refused<>(
                        failure("could not append " + batch.size() + " events", e))).toList();
            }
        }
        long committed = EventLog.BEFORE_FIRST;
        for (Outcome<AppendResult> outcome : outcomes) {
            if (outcome instanceof Outcome.Done<AppendResult>(AppendResult result) && !result.retried()) {
                committed = Math.max(committed, result.lastPosition());
            }
        }
        tail.committed(committed);
        return outcomes;
    }

    @Override
    public Optional<StreamHead> head(StreamId stream) {
        return read("could not read the head of " + stream, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT revision, digest FROM event_log WHERE stream = ? ORDER BY revision DESC LIMIT 1")) {
                query.setString(1, stream.value());
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(PostgresLogRows.head(stream, row.getLong(1), row.getBytes(2)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<LogEntry> readStream(StreamId stream, long fromRevision, int limit) {
        requireNotNegative("revision", fromRevision);
        requireNotNegative("limit", limit);
        return read("could not read " + stream, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + "WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?")) {
                query.setString(1, stream.value());
                query.setLong(2, fromRevision);
                query.setInt(3, limit);
                return PostgresLogRows.entries(query);
            }
        });
    }

    @Override
    public List<LogEntry> readAfter(long afterPosition, int limit) {
        requireNotNegative("position", afterPosition);
        requireNotNegative("limit", limit);
        return read("could not read after position " + afterPosition, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + "WHERE position > ? ORDER BY position LIMIT ?")) {
                query.setLong(1, afterPosition);
                query.setInt(2, limit);
                return PostgresLogRows.entries(query);
            }
        });
    }

    @Override
    public Optional<LogEntry> findByEventId(String eventId) {
        return read("could not look up event id \"" + eventId + "\"", connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + "WHERE event_id = ?")) {
                query.setString(1, eventId);
                return PostgresLogRows.entries(query).stream().findFirst();
            }
        });
    }

    /** The counter row: it commits together with the entries it counts. */
    @Override
    public long lastPosition() {
        return read("could not read the last position", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT last_position FROM event_log_counter WHERE id = 1");
                    ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the event log's counter row is missing from event_log_counter");
                }
                return row.getLong(1);
            }
        });
    }

    @Override
    public boolean awaitAfter(long position, Duration timeout) throws InterruptedException {
        requireNotNegative("position", position);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must not be negative: " + timeout);
        }
        return tail.awaitAfter(position, timeout, this::lastPosition);
    }

    /** Refuses further use and fails every waiter; the database stays open (see {@link #open}). */
    @Override
    public void close() {
        closed = true;
        tail.close();
    }

    private <T> T read(String what, SqlWork<T> work) {
        checkOpen();
        try {
            return database.read(work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new EventLogException("the PostgreSQL event log is closed");
        }
    }

    private static EventLogException failure(String what, SQLException cause) {
        return new EventLogException(what + " in the PostgreSQL event log: " + cause.getMessage(), cause);
    }

    private static void requireNotNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}
