package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.internal.GroupCommit.Outcome;
import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventIdConflictException;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.RevisionConflictException;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The appends of one group commit, in one transaction at READ COMMITTED. It locks the counter row before it checks
 * anything: every later statement of the transaction then sees every append committed before it, and no other append
 * can commit until it ends, so each append's checks hold and its positions follow the last committed one without a
 * gap. The lock is held through COMMIT, which is why appends are grouped: without grouping, commits would queue for
 * the lock one fsync at a time.
 *
 * <p>Each append runs in a savepoint of its own, so an append that is refused or fails is rolled back alone and the
 * others of the group still commit. Positions are counted here from the locked counter and written back to it once,
 * for the whole group, before the commit.
 *
 * <p>A batch is judged as if its event ids were checked before its revisions (a retry finds its streams moved on by
 * its own first attempt), but the usual case looks the ids up only once, in the insert's unique index: revisions are
 * checked first, and the ids are looked up only when a revision does not match or the insert hits a unique violation,
 * either of which a retry or a reused id would cause. A unique violation also means a writer that bypassed the counter
 * got there first (the counter's lock rules out every other way); judged again against what is committed by then, the
 * batch is a retry or a conflict like any other.
 */
final class PostgresAppend implements AutoCloseable {

    private static final String LOCK_COUNTER =
            "SELECT last_position, clock_timestamp() FROM event_log_counter WHERE id = 1 FOR UPDATE";
    private static final String FIND_BY_EVENT_IDS =
            "SELECT " + PostgresLogSchema.ENTRY_COLUMNS + " FROM event_log WHERE event_id = ANY (?)";
    // A scalar subquery per stream lets PostgreSQL read each max from the end of the (stream, revision) index.
    private static final String LAST_REVISIONS = "SELECT s.stream, "
            + "(SELECT max(e.revision) FROM event_log e WHERE e.stream = s.stream) FROM unnest(?::text[]) AS s(stream)";
    private static final String ADVANCE_COUNTER = "UPDATE event_log_counter SET last_position = ? WHERE id = 1";
    private static final String INSERT = "INSERT INTO event_log (position, stream, revision, event_id, event_type, "
            + "tenant, statement, digest, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Says what failed as the log says every failure of its store. */
    @FunctionalInterface
    interface Failures {
        EventLogException failure(String what, SQLException cause);
    }

    private final Connection connection;
    private final Failures failures;
    private final Statement savepoints;
    private final PreparedStatement lastRevisions;
    private final PreparedStatement insert;
    private final long lockedPosition;
    /** The store's clock, read under the counter's lock: every entry of the group is recorded at this time. */
    private final OffsetDateTime recordedAt;
    private long lastPosition;

    private PostgresAppend(Connection connection, Failures failures) throws SQLException {
        this.connection = connection;
        this.failures = failures;
        this.savepoints = connection.createStatement();
        this.lastRevisions = connection.prepareStatement(LAST_REVISIONS);
        this.insert = connection.prepareStatement(INSERT);
        try (ResultSet row = savepoints.executeQuery(LOCK_COUNTER)) {
            if (!row.next()) {
                throw new SQLException("the event log's counter row is missing from event_log_counter");
            }
            this.lockedPosition = row.getLong(1);
            this.recordedAt = row.getObject(2, OffsetDateTime.class);
        }
        this.lastPosition = lockedPosition;
    }

    /**
     * Runs the appends of {@code group} in order on {@code connection}, inside the transaction the caller holds open,
     * and returns each one's outcome: its result, or the port's refusal or the store's failure.
     *
     * @throws SQLException when the transaction itself can no longer go on: nothing of the group may be committed
     */
    static List<Outcome<AppendResult>> run(Connection connection, List<AppendBatch> group, Failures failures)
            throws SQLException {
        try (PostgresAppend appends = new PostgresAppend(connection, failures)) {
            List<Outcome<AppendResult>> outcomes = new ArrayList<>(group.size());
            for (AppendBatch batch : group) {
                outcomes.add(appends.inSavepoint(batch));
            }
            appends.advanceCounter();
            return outcomes;
        }
    }

    private Outcome<AppendResult> inSavepoint(AppendBatch batch) throws SQLException {
        savepoints.execute("SAVEPOINT append");
        try {
            AppendResult result = append(batch);
            savepoints.execute("RELEASE SAVEPOINT append");
            return new Outcome.Done<>(result);
        } catch (EventLogException refused) {
            rollBackToSavepoint();
            return new Outcome.Refused<>(refused);
        } catch (SQLException failed) {
            // If the connection is gone, this throws and the group fails.
            rollBackToSavepoint();
            return new Outcome.Refused<>(failures.failure("could not append " + batch.size() + " events", failed));
        }
    }

    private void rollBackToSavepoint() throws SQLException {
        savepoints.execute("ROLLBACK TO SAVEPOINT append");
        savepoints.execute("RELEASE SAVEPOINT append");
    }

    /** Appends {@code batch}, or returns the original entries of a retry; throws the port's refusals. */
    private AppendResult append(AppendBatch batch) throws SQLException {
        Optional<RevisionConflictException> conflict = firstRevisionConflict(batch);
        if (conflict.isPresent()) {
            return retryOf(batch).orElseThrow(conflict::get);
        }
        try {
            return new AppendResult(insert(batch), false);
        } catch (SQLException failed) {
            if (!isUniqueViolation(failed)) {
                throw failed;
            }
            // The transaction is in error until the savepoint is rolled back; then the lookup sees what committed.
            savepoints.execute("ROLLBACK TO SAVEPOINT append");
            Optional<AppendResult> retry = retryOf(batch);
            if (retry.isPresent()) {
                return retry.get();
            }
            throw failed;
        }
    }

    private Optional<RevisionConflictException> firstRevisionConflict(AppendBatch batch) throws SQLException {
        Map<String, Long> actual = new HashMap<>();
        lastRevisions.setArray(1, connection.createArrayOf("text",
                batch.appends().stream().map(append -> append.stream().value()).toArray()));
        try (ResultSet rows = lastRevisions.executeQuery()) {
            while (rows.next()) {
                String stream = rows.getString(1);
                long revision = rows.getLong(2);
                actual.put(stream, rows.wasNull() ? -1 : revision);
            }
        }
        for (StreamAppend append : batch.appends()) {
            StreamId stream = append.stream();
            long last = actual.get(stream.value());
            if (last != append.expected().lastRevision()) {
                return Optional.of(new RevisionConflictException(stream, append.expected(), ExpectedRevision.of(last)));
            }
        }
        return Optional.empty();
    }

    /**
     * The original entries when every id of {@code batch} is stored in the stream the batch names (a retry); empty
     * when none is stored.
     *
     * @throws EventIdConflictException when some are stored and some not, or one is stored in another stream
     */
    private Optional<AppendResult> retryOf(AppendBatch batch) throws SQLException {
        Map<String, LogEntry> stored = storedEntries(connection, batch);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        @Nullable String missing = null;
        List<LogEntry> entries = new ArrayList<>();
        for (StreamAppend append : batch.appends()) {
            for (NewEvent event : append.events()) {
                LogEntry entry = stored.get(event.eventId());
                if (entry == null) {
                    missing = missing == null ? event.eventId() : missing;
                } else if (!entry.stream().equals(append.stream())) {
                    throw new EventIdConflictException(event.eventId(), "stored in stream " + entry.stream()
                            + " at revision " + entry.revision() + ", but the batch appends it to " + append.stream());
                } else {
                    entries.add(entry);
                }
            }
        }
        if (missing != null) {
            String storedId = entries.getFirst().eventId();
            throw new EventIdConflictException(storedId, "stored already, but event id \"" + missing
                    + "\" of the same batch is not: a retry must repeat its batch, and a new batch needs new ids");
        }
        return Optional.of(new AppendResult(entries, true));
    }

    private static Map<String, LogEntry> storedEntries(Connection connection, AppendBatch batch) throws SQLException {
        List<String> eventIds = new ArrayList<>(batch.size());
        batch.appends().forEach(append -> append.events().forEach(event -> eventIds.add(event.eventId())));
        Map<String, LogEntry> stored = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(FIND_BY_EVENT_IDS)) {
            find.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            for (LogEntry entry : PostgresLogRows.entries(find)) {
                stored.put(entry.eventId(), entry);
            }
        }
        return stored;
    }

    private List<LogEntry> insert(AppendBatch batch) throws SQLException {
        long position = lastPosition;
        List<LogEntry> entries = new ArrayList<>(batch.size());
        try {
            for (StreamAppend append : batch.appends()) {
                long revision = append.expected().nextRevision();
                for (NewEvent event : append.events()) {
                    LogEntry entry = new LogEntry(++position, append.stream(), revision++, event.eventId(),
                            event.eventType(), event.tenant(), event.statement(), recordedAt.toInstant());
                    bind(entry);
                    insert.addBatch();
                    entries.add(entry);
                }
            }
            insert.executeBatch();
        } finally {
            insert.clearBatch();
        }
        lastPosition = position;
        return entries;
    }

    private void bind(LogEntry entry) throws SQLException {
        insert.setLong(1, entry.position());
        insert.setString(2, entry.stream().value());
        insert.setLong(3, entry.revision());
        insert.setString(4, entry.eventId());
        insert.setString(5, entry.eventType());
        insert.setString(6, entry.tenant());
        insert.setBytes(7, entry.statement().bytes());
        insert.setBytes(8, entry.statement().digest().bytes());
        insert.setObject(9, recordedAt);
    }

    /** Sets the counter to the group's last position, in the transaction and under the lock taken at its start. */
    private void advanceCounter() throws SQLException {
        if (lastPosition == lockedPosition) {
            return;
        }
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE_COUNTER)) {
            advance.setLong(1, lastPosition);
            advance.executeUpdate();
        }
    }

    private static boolean isUniqueViolation(SQLException failure) {
        // A failed JDBC batch reports the server's error as the next exception of a BatchUpdateException.
        for (@Nullable SQLException e = failure; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        try (savepoints; lastRevisions; insert) {
            // closes all three, the first failure reported
        }
    }
}
