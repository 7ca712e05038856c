package dev.runtape.ledger.storage.sqlite;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The event log in a SQLite file, for a single node. Every guarantee of {@link EventLog} holds, also when several
 * processes open the same file: an append runs in a {@code BEGIN IMMEDIATE} transaction, so it holds the file's
 * write lock from its first check to its commit, and the commit is durable when it returns ({@code synchronous=FULL}).
 *
 * <p>Appends that arrive while a commit is running are combined into the next transaction (group commit), each in a
 * savepoint of its own: they share one write to disk, and an append that is refused or fails is rolled back alone.
 * Every caller returns once the transaction holding its append has committed. {@code recordedAt} comes from this
 * process's clock, in milliseconds, read once per transaction.
 */
public final class SqliteEventLog implements EventLog {

    private static final String SELECT = "SELECT " + SqliteLogSchema.ENTRY_COLUMNS + " FROM event_log ";

    /**
     * The most events one transaction takes from the queue: enough to share a write among many callers, few enough
     * that a transaction stays short and its pages fit SQLite's cache.
     */
    private static final int MAX_GROUP_EVENTS = 10_000;

    private final SqliteDatabase database;
    private final Clock clock;
    private final LogTail tail = new LogTail();
    private final GroupCommit<AppendBatch, AppendResult> appends =
            new GroupCommit<>(this::commit, AppendBatch::size, MAX_GROUP_EVENTS);
    private volatile boolean closed;

    private SqliteEventLog(SqliteDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The event log in {@code database}, whose table is created when missing. {@link #close()} leaves the database
     * open: other adapters may share it, and its opener closes it.
     */
    public static SqliteEventLog open(SqliteDatabase database) {
        try {
            database.createSchema(SqliteLogSchema.STATEMENTS);
        } catch (SQLException e) {
            throw failure(database, "could not create the event log's table", e);
        }
        return new SqliteEventLog(database, Clock.systemUTC());
    }

    @Override
    public AppendResult append(AppendBatch batch) {
        checkOpen();
        return appends.submit(batch);
    }

    /** One transaction for a group of appends; when it fails as a whole, nothing of the group is stored. */
    private List<Outcome<AppendResult>> commit(List<AppendBatch> group) {
        List<Outcome<AppendResult>> outcomes;
        try {
            outcomes = database.write(connection -> SqliteAppend.run(connection, group, clock.instant(),
                    (what, cause) -> failure(database, what, cause)));
        } catch (SQLException e) {
            return group.stream().<Outcome<AppendResult>>map(batch -> new Outcome.Refused<>(
                    failure(database, "could not append " + batch.size() + " events", e))).toList();
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
                            ? Optional.of(SqliteLogRows.head(stream, row.getLong(1), row.getBytes(2)))
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
                return SqliteLogRows.entries(query);
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
                return SqliteLogRows.entries(query);
            }
        });
    }

    @Override
    public Optional<LogEntry> findByEventId(String eventId) {
        return read("could not look up event id \"" + eventId + "\"", connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + "WHERE event_id = ?")) {
                query.setString(1, eventId);
                return SqliteLogRows.entries(query).stream().findFirst();
            }
        });
    }

    @Override
    public long lastPosition() {
        return read("could not read the last position", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT coalesce(max(position), 0) FROM event_log");
                    ResultSet row = query.executeQuery()) {
                row.next();
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
            throw failure(database, what, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new EventLogException("the SQLite event log on " + database.file() + " is closed");
        }
    }

    private static EventLogException failure(SqliteDatabase database, String what, SQLException cause) {
        return new EventLogException(what + " in the SQLite event log " + database.file() + ": " + cause.getMessage(),
                cause);
    }

    private static void requireNotNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }
}
