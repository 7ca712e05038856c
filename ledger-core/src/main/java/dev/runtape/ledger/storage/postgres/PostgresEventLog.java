package dev.runtape.ledger.storage.postgres;

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
 * {@code recordedAt} is the server's clock, in microseconds.
 */
public final class PostgresEventLog implements EventLog {

    private static final String SELECT = "SELECT " + PostgresLogSchema.ENTRY_COLUMNS + " FROM event_log ";
    private static final String UNIQUE_VIOLATION = "23505";

    private final PostgresDatabase database;
    private final PostgresTail tail = new PostgresTail();
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
        AppendResult result;
        try {
            result = database.write(connection -> PostgresAppend.run(connection, batch));
        } catch (SQLException e) {
            result = explainFailure(batch, e);
        }
        if (!result.retried()) {
            tail.committed(result.lastPosition());
        }
        return result;
    }

    /**
     * A unique violation means a writer that bypassed the counter got there first (the counter's lock rules out every
     * other way): judged again against what is now committed, the batch is a retry or a conflict like any other.
     */
    private AppendResult explainFailure(AppendBatch batch, SQLException failure) {
        EventLogException refused = failure("could not append " + batch.size() + " events", failure);
        if (!isUniqueViolation(failure)) {
            throw refused;
        }
        Optional<AppendResult> retry;
        try {
            retry = database.read(connection -> PostgresAppend.check(connection, batch));
        } catch (SQLException e) {
            refused.addSuppressed(e);
            throw refused;
        }
        return retry.orElseThrow(() -> refused);
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

    private static boolean isUniqueViolation(SQLException failure) {
        // A failed JDBC batch reports the server's error as the next exception of a BatchUpdateException.
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
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
