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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The appends of one group commit, in one transaction at READ COMMITTED. It locks the counter row before it checks
 * anything: every later statement of the transaction then sees every append committed before it, and no other append
 * can commit until it ends, so each append's checks hold and its positions follow the last committed one without a
 * gap. The lock is held through COMMIT, which is why appends are grouped: without grouping, commits would queue for
 * the lock one flush at a time. Positions are counted here from the locked counter and written back to it once, for
 * the whole group, before the commit.
 *
 * <p>A group runs in one of two ways. {@link #fast} sends each append as one statement that checks the streams'
 * revisions and inserts the batch only if they all match: one round trip per append, and no savepoint, since a
 * refusal is an answer and not an error. A statement that fails (a unique violation, a trigger, a lost connection)
 * ends the fast try: the caller rolls it back and runs the group again {@link #careful}ly, each append in a savepoint
 * of its own, so that the append that fails is rolled back alone and the others still commit. (Savepoints only on that
 * path, because each one that writes takes a subtransaction id, and a transaction with more than 64 of them makes
 * every other session's snapshots consult {@code pg_subtrans}.)
 *
 * <p>A batch is judged as if its event ids were checked before its revisions (a retry finds its streams moved on by
 * its own first attempt), but the usual case looks the ids up only once, in the insert's unique index: the ids are
 * looked up only when a revision does not match or the insert hits a unique violation, either of which a retry or a
 * reused id would cause. A unique violation also means a writer that bypassed the counter got there first (the
 * counter's lock rules out every other way); judged again against what is committed by then, the batch is a retry or
 * a conflict like any other.
 */
final class PostgresAppend implements AutoCloseable {

    private static final String LOCK_COUNTER =
            "SELECT last_position, clock_timestamp() FROM event_log_counter WHERE id = 1 FOR UPDATE";
    private static final String FIND_BY_EVENT_IDS =
            "SELECT " + PostgresLogSchema.ENTRY_COLUMNS + " FROM event_log WHERE event_id = ANY (?)";
    private static final String ADVANCE_COUNTER = "UPDATE event_log_counter SET last_position = ? WHERE id = 1";
    /**
     * One append in one statement: the streams' last revisions, and the batch inserted only if every one is the
     * expected one. Its rows are the streams, each with its actual last revision, and how many events were inserted.
     */
    private static final String CHECK_AND_INSERT = """
            WITH expected (stream, last_revision) AS (SELECT * FROM unnest(?::text[], ?::bigint[])),
            -- A scalar subquery per stream reads each max from the end of the (stream, revision) index.
            actual AS (
                SELECT x.stream, x.last_revision AS expected,
                    coalesce((SELECT max(e.revision) FROM event_log e WHERE e.stream = x.stream), -1) AS actual
                FROM expected x),
            inserted AS (
                INSERT INTO event_log (position, stream, revision, event_id, event_type, tenant, statement, digest,
                    recorded_at)
                SELECT r.position, r.stream, r.revision, r.event_id, r.event_type, r.tenant, r.statement, r.digest, ?
                FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bytea[],
                    ?::bytea[]) AS r (position, stream, revision, event_id, event_type, tenant, statement, digest)
                WHERE NOT EXISTS (SELECT 1 FROM actual WHERE actual.actual <> actual.expected)
                RETURNING 1)
            SELECT stream, actual, (SELECT count(*) FROM inserted) FROM actual""";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Says what failed as the log says every failure of its store. */
    @FunctionalInterface
    interface Failures {
        EventLogException failure(String what, SQLException cause);
    }

    private final Connection connection;
    private final PreparedStatement checkAndInsert;
    private final long lockedPosition;
    /** The store's clock, read under the counter's lock: every entry of the group is recorded at this time. */
    private final OffsetDateTime recordedAt;
    private long lastPosition;

    private PostgresAppend(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement lock = connection.createStatement(); ResultSet row = lock.executeQuery(LOCK_COUNTER)) {
            if (!row.next()) {
                throw new SQLException("the event log's counter row is missing from event_log_counter");
            }
            this.lockedPosition = row.getLong(1);
            this.recordedAt = row.getObject(2, OffsetDateTime.class);
        }
        this.lastPosition = lockedPosition;
        this.checkAndInsert = connection.prepareStatement(CHECK_AND_INSERT);
    }

    /**
     * Runs the appends of {@code group} in order, one statement each, inside the transaction the caller holds open,
     * and returns each one's outcome: its result or the port's refusal.
     *
     * @throws SQLException when a statement failed: the transaction must be rolled back, and the group run again with
     *     {@link #careful}
     */
    static List<Outcome<AppendResult>> fast(Connection connection, List<AppendBatch> group) throws SQLException {
        try (PostgresAppend appends = new PostgresAppend(connection)) {
            List<Outcome<AppendResult>> outcomes = new ArrayList<>(group.size());
            for (AppendBatch batch : group) {
                outcomes.add(appends.checkAndInsert(batch));
            }
            appends.advanceCounter();
            return outcomes;
        }
    }

    /**
     * Runs the appends of {@code group} in order, each in a savepoint of its own, inside the transaction the caller
     * holds open, and returns each one's outcome: its result, the port's refusal, or the store's failure.
     *
     * @throws SQLException when the transaction itself can no longer go on: nothing of the group may be committed
     */
    static List<Outcome<AppendResult>> careful(Connection connection, List<AppendBatch> group, Failures failures)
            throws SQLException {
        try (PostgresAppend appends = new PostgresAppend(connection); Statement savepoints = connection.createStatement()) {
            List<Outcome<AppendResult>> outcomes = new ArrayList<>(group.size());
            for (AppendBatch batch : group) {
                outcomes.add(appends.inSavepoint(batch, savepoints, failures));
            }
            appends.advanceCounter();
            return outcomes;
        }
    }

    private Outcome<AppendResult> inSavepoint(AppendBatch batch, Statement savepoints, Failures failures)
            throws SQLException {
        savepoints.execute("SAVEPOINT append");
        try {
            Outcome<AppendResult> outcome = checkAndInsert(batch);
            savepoints.execute("RELEASE SAVEPOINT append");
            return outcome;
        } catch (SQLException failed) {
            // The transaction is in error until the savepoint is rolled back; if the connection is gone, this throws
            // and the group fails.
            savepoints.execute("ROLLBACK TO SAVEPOINT append");
            savepoints.execute("RELEASE SAVEPOINT append");
            if (isUniqueViolation(failed)) {
                // Judged on what is committed now: a retry, a reused id, or (if neither) the failure itself.
                return judged(batch, () -> failures.failure("could not append " + batch.size() + " events", failed));
            }
            return new Outcome.Refused<>(failures.failure("could not append " + batch.size() + " events", failed));
        }
    }

    /** One append in one statement: inserted when every stream is at its expected revision, else judged. */
    private Outcome<AppendResult> checkAndInsert(AppendBatch batch) throws SQLException {
        int size = batch.size();
        List<LogEntry> entries = new ArrayList<>(size);
        Long[] positions = new Long[size];
        String[] streams = new String[size];
        Long[] revisions = new Long[size];
        String[] eventIds = new String[size];
        String[] eventTypes = new String[size];
        String[] tenants = new String[size];
        byte[][] statements = new byte[size][];
        byte[][] digests = new byte[size][];
        long position = lastPosition;
        int i = 0;
        for (StreamAppend append : batch.appends()) {
            long revision = append.expected().nextRevision();
            for (NewEvent event : append.events()) {
                LogEntry entry = new LogEntry(++position, append.stream(), revision++, event.eventId(),
                        event.eventType(), event.tenant(), event.statement(), recordedAt.toInstant());
                entries.add(entry);
                positions[i] = entry.position();
                streams[i] = entry.stream().value();
                revisions[i] = entry.revision();
                eventIds[i] = entry.eventId();
                eventTypes[i] = entry.eventType();
                tenants[i] = entry.tenant();
                statements[i] = entry.statement().bytes();
                digests[i] = entry.statement().digest().bytes();
                i++;
            }
        }
        checkAndInsert.setArray(1, connection.createArrayOf("text",
                batch.appends().stream().map(append -> append.stream().value()).toArray()));
        checkAndInsert.setArray(2, connection.createArrayOf("bigint",
                batch.appends().stream().map(append -> append.expected().lastRevision()).toArray()));
        checkAndInsert.setObject(3, recordedAt);
        checkAndInsert.setArray(4, connection.createArrayOf("bigint", positions));
        checkAndInsert.setArray(5, connection.createArrayOf("text", streams));
        checkAndInsert.setArray(6, connection.createArrayOf("bigint", revisions));
        checkAndInsert.setArray(7, connection.createArrayOf("text", eventIds));
        checkAndInsert.setArray(8, connection.createArrayOf("text", eventTypes));
        checkAndInsert.setArray(9, connection.createArrayOf("text", tenants));
        checkAndInsert.setArray(10, connection.createArrayOf("bytea", statements));
        checkAndInsert.setArray(11, connection.createArrayOf("bytea", digests));
        Map<String, Long> actual = new HashMap<>();
        long inserted = 0;
        try (ResultSet rows = checkAndInsert.executeQuery()) {
            while (rows.next()) {
                actual.put(rows.getString(1), rows.getLong(2));
                inserted = rows.getLong(3);
            }
        }
        if (inserted == size) {
            lastPosition = position;
            return new Outcome.Done<>(new AppendResult(entries, false));
        }
        RevisionConflictException conflict = firstConflict(batch, actual);
        return judged(batch, () -> conflict);
    }

    private static RevisionConflictException firstConflict(AppendBatch batch, Map<String, Long> actual) {
        for (StreamAppend append : batch.appends()) {
            long last = actual.get(append.stream().value());
            if (last != append.expected().lastRevision()) {
                return new RevisionConflictException(append.stream(), append.expected(), ExpectedRevision.of(last));
            }
        }
        throw new IllegalStateException("nothing was inserted, yet every stream is at its expected revision");
    }

    /**
     * A batch that could not be appended as it is, judged by its event ids: the original entries of a retry, an
     * {@link EventIdConflictException}, or (when none of its ids is stored) {@code otherwise}.
     */
    private Outcome<AppendResult> judged(AppendBatch batch, Supplier<? extends RuntimeException> otherwise)
            throws SQLException {
        try {
            Optional<AppendResult> retry = retryOf(batch);
            return retry.isPresent() ? new Outcome.Done<>(retry.get()) : new Outcome.Refused<>(otherwise.get());
        } catch (EventIdConflictException conflict) {
            return new Outcome.Refused<>(conflict);
        }
    }

    /**
     * The original entries when every id of {@code batch} is stored in the stream the batch names (a retry); empty
     * when none is stored.
     *
     * @throws EventIdConflictException when some are stored and some not, or one is stored in another stream
     */
    private Optional<AppendResult> retryOf(AppendBatch batch) throws SQLException {
        Map<String, LogEntry> stored = storedEntries(batch);
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

    private Map<String, LogEntry> storedEntries(AppendBatch batch) throws SQLException {
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
        for (@Nullable SQLException e = failure; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        checkAndInsert.close();
    }
}
