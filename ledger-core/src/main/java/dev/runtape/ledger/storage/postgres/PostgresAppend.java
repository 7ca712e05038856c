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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The appends of one group commit, in one transaction at READ COMMITTED. It locks the counter row before it checks
 * anything: every later statement of the transaction then sees every append committed before it, and no other append
 * can commit until it ends, so each append's checks hold and its positions follow the last committed one without a
 * gap. The lock is held through COMMIT, which is why appends are grouped: without grouping, commits would queue for
 * the lock one flush at a time. Positions are counted here from the locked counter and written back to it once, for
 * the whole group.
 *
 * <p>A group runs in one of two ways. {@link #fast} reads the last revision of every stream the group names in one
 * query, judges the appends one after the other in memory (each sees the ones accepted before it), and inserts every
 * accepted event in one statement: a handful of round trips for the whole group, however many appends it holds. A
 * refusal is an answer, not an error, so nothing needs undoing. When that insert fails (an event id stored already in
 * another stream, or taken twice in the group; a trigger; a writer that bypassed the counter), the caller rolls the
 * transaction back and runs the group again {@link #careful}ly: each append in a savepoint of its own, checked and
 * inserted by one statement, so that the append that fails is rolled back alone and the others still commit.
 * (Savepoints only on that path, because each one that writes takes a subtransaction id, and a transaction with more
 * than 64 of them makes every other session's snapshots consult {@code pg_subtrans}.)
 *
 * <p>A batch is judged as if its event ids were checked before its revisions (a retry finds its streams moved on by
 * its own first attempt), but the usual case looks the ids up only once, in the insert's unique index: they are looked
 * up only for an append whose revisions do not match, or whose insert hits a unique violation, either of which a retry
 * or a reused id would cause. A unique violation may also mean a writer that bypassed the counter got there first (the
 * counter's lock rules out every other way); judged again against what is committed by then, the batch is a retry or
 * a conflict like any other.
 */
final class PostgresAppend {

    private static final String LOCK_COUNTER =
            "SELECT last_position, clock_timestamp() FROM event_log_counter WHERE id = 1 FOR UPDATE";
    // A scalar subquery per stream reads each max from the end of the (stream, revision) index.
    private static final String LAST_REVISIONS = "SELECT s.stream, coalesce("
            + "(SELECT max(e.revision) FROM event_log e WHERE e.stream = s.stream), -1) FROM unnest(?::text[]) AS s(stream)";
    private static final String FIND_BY_EVENT_IDS =
            "SELECT " + PostgresLogSchema.ENTRY_COLUMNS + " FROM event_log WHERE event_id = ANY (?)";
    private static final String ROWS = """
            SELECT r.position, r.stream, r.revision, r.event_id, r.event_type, r.tenant, r.statement, r.digest, ?
                FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bytea[],
                    ?::bytea[]) AS r (position, stream, revision, event_id, event_type, tenant, statement, digest)""";
    private static final String INSERT = "INSERT INTO event_log (position, stream, revision, event_id, event_type, "
            + "tenant, statement, digest, recorded_at) ";
    /** Every accepted event of a group, and the counter moved past them, in one statement. */
    private static final String INSERT_AND_COUNT = "WITH inserted AS (" + INSERT + ROWS + ") "
            + "UPDATE event_log_counter SET last_position = ? WHERE id = 1";
    /**
     * One append in one statement, for the careful path: the streams' last revisions, and the batch inserted only if
     * every one is the expected one. Its rows are the streams, each with its actual last revision, and how many events
     * were inserted.
     */
    private static final String CHECK_AND_INSERT = """
            WITH expected (stream, last_revision) AS (SELECT * FROM unnest(?::text[], ?::bigint[])),
            actual AS (
                SELECT x.stream, x.last_revision AS expected,
                    coalesce((SELECT max(e.revision) FROM event_log e WHERE e.stream = x.stream), -1) AS actual
                FROM expected x),
            inserted AS (""" + INSERT + ROWS + """
                 WHERE NOT EXISTS (SELECT 1 FROM actual WHERE actual.actual <> actual.expected)
                RETURNING 1)
            SELECT stream, actual, (SELECT count(*) FROM inserted) FROM actual""";
    private static final String ADVANCE_COUNTER = "UPDATE event_log_counter SET last_position = ? WHERE id = 1";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Says what failed as the log says every failure of its store. */
    @FunctionalInterface
    interface Failures {
        EventLogException failure(String what, SQLException cause);
    }

    /** An event accepted earlier in the group, and which append of the group it belongs to. */
    private record Accepted(LogEntry entry, int append) {
    }

    private final Connection connection;
    private final long lockedPosition;
    /** The store's clock, read under the counter's lock: every entry of the group is recorded at this time. */
    private final OffsetDateTime recordedAt;
    private long lastPosition;

    private PostgresAppend(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement lock = connection.createStatement(); ResultSet row = lock.executeQuery(LOCK_COUNTER)) {
            this.lockedPosition = lastPosition(row);
            this.recordedAt = row.getObject(2, OffsetDateTime.class);
        }
        this.lastPosition = lockedPosition;
    }

    /**
     * Locks the counter and reads the last revision of each of {@code streams} into {@code heads}, in one round trip:
     * two statements sent together, the second run after the first holds the lock, with a snapshot of its own (READ
     * COMMITTED takes one per statement), so it sees every append committed before the lock was granted.
     */
    private PostgresAppend(Connection connection, Set<String> streams, Map<String, Long> heads) throws SQLException {
        this.connection = connection;
        try (PreparedStatement lockAndRead = connection.prepareStatement(LOCK_COUNTER + "; " + LAST_REVISIONS)) {
            lockAndRead.setArray(1, connection.createArrayOf("text", streams.toArray()));
            if (!lockAndRead.execute()) {
                throw new SQLException("locking the counter returned no row");
            }
            try (ResultSet row = lockAndRead.getResultSet()) {
                this.lockedPosition = lastPosition(row);
                this.recordedAt = row.getObject(2, OffsetDateTime.class);
            }
            if (!lockAndRead.getMoreResults()) {
                throw new SQLException("reading the streams' last revisions returned no rows");
            }
            try (ResultSet rows = lockAndRead.getResultSet()) {
                while (rows.next()) {
                    heads.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        this.lastPosition = lockedPosition;
    }

    private static long lastPosition(ResultSet counter) throws SQLException {
        if (!counter.next()) {
            throw new SQLException("the event log's counter row is missing from event_log_counter");
        }
        return counter.getLong(1);
    }

    /**
     * Judges the appends of {@code group} in order and inserts the accepted ones together, inside the transaction the
     * caller holds open; returns each append's outcome: its result or the port's refusal.
     *
     * @throws SQLException when a statement failed: the transaction must be rolled back, and the group run again with
     *     {@link #careful}
     */
    static List<Outcome<AppendResult>> fast(Connection connection, List<AppendBatch> group) throws SQLException {
        Set<String> streams = new LinkedHashSet<>();
        group.forEach(batch -> batch.appends().forEach(append -> streams.add(append.stream().value())));
        Map<String, Long> heads = new HashMap<>();
        return new PostgresAppend(connection, streams, heads).judgeAndInsert(group, heads);
    }

    /**
     * Runs the appends of {@code group} in order, each in a savepoint of its own, inside the transaction the caller
     * holds open, and returns each one's outcome: its result, the port's refusal, or the store's failure.
     *
     * @throws SQLException when the transaction itself can no longer go on: nothing of the group may be committed
     */
    static List<Outcome<AppendResult>> careful(Connection connection, List<AppendBatch> group, Failures failures)
            throws SQLException {
        PostgresAppend appends = new PostgresAppend(connection);
        List<Outcome<AppendResult>> outcomes = new ArrayList<>(group.size());
        try (Statement savepoints = connection.createStatement();
                PreparedStatement checkAndInsert = connection.prepareStatement(CHECK_AND_INSERT)) {
            for (AppendBatch batch : group) {
                outcomes.add(appends.inSavepoint(batch, savepoints, checkAndInsert, failures));
            }
        }
        if (appends.lastPosition != appends.lockedPosition) {
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE_COUNTER)) {
                advance.setLong(1, appends.lastPosition);
                advance.executeUpdate();
            }
        }
        return outcomes;
    }

    /** Judges the appends with the streams' {@code heads} read under the lock, and inserts the accepted ones. */
    private List<Outcome<AppendResult>> judgeAndInsert(List<AppendBatch> group, Map<String, Long> heads)
            throws SQLException {
        Map<String, Accepted> accepted = new HashMap<>();
        Map<Integer, RevisionConflictException> conflicts = new LinkedHashMap<>();
        List<@Nullable Outcome<AppendResult>> outcomes = new ArrayList<>(group.size());
        List<LogEntry> rows = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            AppendBatch batch = group.get(i);
            Optional<RevisionConflictException> conflict = firstConflict(batch, heads);
            if (conflict.isPresent()) {
                conflicts.put(i, conflict.get());
                outcomes.add(null);
                continue;
            }
            List<LogEntry> entries = entries(batch);
            for (LogEntry entry : entries) {
                heads.put(entry.stream().value(), entry.revision());
                // An id taken twice in the group stays with its first taker; the insert then fails on it.
                accepted.putIfAbsent(entry.eventId(), new Accepted(entry, i));
            }
            rows.addAll(entries);
            outcomes.add(new Outcome.Done<>(new AppendResult(entries, false)));
        }
        if (!conflicts.isEmpty()) {
            Map<String, LogEntry> stored = storedEntries(conflicts.keySet().stream().map(group::get).toList());
            for (Map.Entry<Integer, RevisionConflictException> conflict : conflicts.entrySet()) {
                int index = conflict.getKey();
                // What was stored when this append's turn came: the log, and the appends accepted before it.
                Map<String, LogEntry> visible = new HashMap<>(stored);
                accepted.forEach((id, earlier) -> {
                    if (earlier.append() < index) {
                        visible.put(id, earlier.entry());
                    }
                });
                outcomes.set(index, judged(group.get(index), visible, conflict.getValue()));
            }
        }
        if (!rows.isEmpty()) {
            insertAndCount(rows);
        }
        List<Outcome<AppendResult>> judged = new ArrayList<>(group.size());
        for (@Nullable Outcome<AppendResult> outcome : outcomes) {
            judged.add(Objects.requireNonNull(outcome, "every append is judged"));
        }
        return judged;
    }

    private static Optional<RevisionConflictException> firstConflict(AppendBatch batch, Map<String, Long> heads) {
        for (StreamAppend append : batch.appends()) {
            long last = heads.get(append.stream().value());
            if (last != append.expected().lastRevision()) {
                return Optional.of(new RevisionConflictException(append.stream(), append.expected(),
                        ExpectedRevision.of(last)));
            }
        }
        return Optional.empty();
    }

    /** The entries {@code batch} would store, at the positions after the last one handed out; takes those positions. */
    private List<LogEntry> entries(AppendBatch batch) {
        List<LogEntry> entries = new ArrayList<>(batch.size());
        for (StreamAppend append : batch.appends()) {
            long revision = append.expected().nextRevision();
            for (NewEvent event : append.events()) {
                entries.add(new LogEntry(++lastPosition, append.stream(), revision++, event.eventId(),
                        event.eventType(), event.tenant(), event.statement(), recordedAt.toInstant()));
            }
        }
        return entries;
    }

    private void insertAndCount(List<LogEntry> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AND_COUNT)) {
            int next = bindRows(insert, 1, rows);
            insert.setLong(next, lastPosition);
            insert.executeUpdate();
        }
    }

    /** Binds the parameters of {@link #ROWS} from {@code first} on; returns the number of the next parameter. */
    private int bindRows(PreparedStatement statement, int first, List<LogEntry> rows) throws SQLException {
        int size = rows.size();
        Long[] positions = new Long[size];
        String[] streams = new String[size];
        Long[] revisions = new Long[size];
        String[] eventIds = new String[size];
        String[] eventTypes = new String[size];
        String[] tenants = new String[size];
        byte[][] statements = new byte[size][];
        byte[][] digests = new byte[size][];
        for (int i = 0; i < size; i++) {
            LogEntry entry = rows.get(i);
            positions[i] = entry.position();
            streams[i] = entry.stream().value();
            revisions[i] = entry.revision();
            eventIds[i] = entry.eventId();
            eventTypes[i] = entry.eventType();
            tenants[i] = entry.tenant();
            statements[i] = entry.statement().bytes();
            digests[i] = entry.statement().digest().bytes();
        }
        int next = first;
        statement.setObject(next++, recordedAt);
        statement.setArray(next++, connection.createArrayOf("bigint", positions));
        statement.setArray(next++, connection.createArrayOf("text", streams));
        statement.setArray(next++, connection.createArrayOf("bigint", revisions));
        statement.setArray(next++, connection.createArrayOf("text", eventIds));
        statement.setArray(next++, connection.createArrayOf("text", eventTypes));
        statement.setArray(next++, connection.createArrayOf("text", tenants));
        statement.setArray(next++, connection.createArrayOf("bytea", statements));
        statement.setArray(next++, connection.createArrayOf("bytea", digests));
        return next;
    }

    private Outcome<AppendResult> inSavepoint(AppendBatch batch, Statement savepoints, PreparedStatement checkAndInsert,
            Failures failures) throws SQLException {
        long before = lastPosition;
        savepoints.execute("SAVEPOINT append");
        try {
            Outcome<AppendResult> outcome = checkAndInsert(batch, checkAndInsert);
            savepoints.execute("RELEASE SAVEPOINT append");
            return outcome;
        } catch (SQLException failed) {
            lastPosition = before;
            // The transaction is in error until the savepoint is rolled back; if the connection is gone, this throws
            // and the group fails.
            savepoints.execute("ROLLBACK TO SAVEPOINT append");
            savepoints.execute("RELEASE SAVEPOINT append");
            EventLogException failure = failures.failure("could not append " + batch.size() + " events", failed);
            // Judged on what is committed now: a retry, a reused id, or (if neither) the failure itself.
            return isUniqueViolation(failed) ? judged(batch, storedEntries(List.of(batch)), failure)
                    : new Outcome.Refused<>(failure);
        }
    }

    /** One append in one statement: inserted when every stream is at its expected revision, else judged. */
    private Outcome<AppendResult> checkAndInsert(AppendBatch batch, PreparedStatement checkAndInsert)
            throws SQLException {
        checkAndInsert.setArray(1, connection.createArrayOf("text",
                batch.appends().stream().map(append -> append.stream().value()).toArray()));
        checkAndInsert.setArray(2, connection.createArrayOf("bigint",
                batch.appends().stream().map(append -> append.expected().lastRevision()).toArray()));
        long before = lastPosition;
        List<LogEntry> entries = entries(batch);
        bindRows(checkAndInsert, 3, entries);
        Map<String, Long> actual = new HashMap<>();
        long inserted = 0;
        try (ResultSet rows = checkAndInsert.executeQuery()) {
            while (rows.next()) {
                actual.put(rows.getString(1), rows.getLong(2));
                inserted = rows.getLong(3);
            }
        }
        if (inserted == batch.size()) {
            return new Outcome.Done<>(new AppendResult(entries, false));
        }
        lastPosition = before;
        RevisionConflictException conflict = firstConflict(batch, actual).orElseThrow(() ->
                new IllegalStateException("nothing was inserted, yet every stream is at its expected revision"));
        return judged(batch, storedEntries(List.of(batch)), conflict);
    }

    /**
     * A batch that could not be appended as it is, judged by its event ids against {@code stored}: the original
     * entries of a retry (every id stored, each in the stream the batch names), an {@link EventIdConflictException}
     * (some stored and some not, or one in another stream), or {@code otherwise} when none of its ids is stored.
     */
    private static Outcome<AppendResult> judged(AppendBatch batch, Map<String, LogEntry> stored,
            RuntimeException otherwise) {
        @Nullable String missing = null;
        List<LogEntry> entries = new ArrayList<>();
        for (StreamAppend append : batch.appends()) {
            for (NewEvent event : append.events()) {
                LogEntry entry = stored.get(event.eventId());
                if (entry == null) {
                    missing = missing == null ? event.eventId() : missing;
                } else if (!entry.stream().equals(append.stream())) {
                    return new Outcome.Refused<>(new EventIdConflictException(event.eventId(), "stored in stream "
                            + entry.stream() + " at revision " + entry.revision() + ", but the batch appends it to "
                            + append.stream()));
                } else {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty()) {
            return new Outcome.Refused<>(otherwise);
        }
        if (missing != null) {
            return new Outcome.Refused<>(new EventIdConflictException(entries.getFirst().eventId(),
                    "stored already, but event id \"" + missing + "\" of the same batch is not: a retry must repeat "
                            + "its batch, and a new batch needs new ids"));
        }
        return new Outcome.Done<>(new AppendResult(entries, true));
    }

    /** The stored entries of every event id of {@code batches}, by id. */
    private Map<String, LogEntry> storedEntries(List<AppendBatch> batches) throws SQLException {
        List<String> eventIds = new ArrayList<>();
        batches.forEach(batch -> batch.appends().forEach(
                append -> append.events().forEach(event -> eventIds.add(event.eventId()))));
        Map<String, LogEntry> stored = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(FIND_BY_EVENT_IDS)) {
            find.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            for (LogEntry entry : PostgresLogRows.entries(find)) {
                stored.put(entry.eventId(), entry);
            }
        }
        return stored;
    }

    private static boolean isUniqueViolation(SQLException failure) {
        for (@Nullable SQLException e = failure; e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
