package dev.runtape.ledger.storage.sqlite;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The appends of one group commit, run one after the other inside one write transaction that holds SQLite's write
 * lock: nothing else commits between an append's checks and its inserts, which is what makes the checks hold and the
 * positions gapless. Each append runs in a savepoint of its own, so an append that is refused or fails is rolled back
 * alone and the others of the group still commit. The statements are prepared once for the group.
 *
 * <p>A batch is judged as if its event ids were checked before its revisions (a retry finds its streams moved on by
 * its own first attempt), but the usual case pays for neither lookup twice: revisions are checked first, and the ids
 * are looked up only when a revision does not match or an insert hits a unique constraint, either of which a retry or
 * a reused id would cause. Whatever the lookup finds then decides, exactly as if it had come first.
 */
final class SqliteAppend implements AutoCloseable {

    private static final String LAST_REVISION = "SELECT max(revision) FROM event_log WHERE stream = ?";
    private static final String LAST_POSITION = "SELECT coalesce(max(position), 0) FROM event_log";
    private static final String INSERT = "INSERT INTO event_log (position, stream, revision, event_id, event_type, "
            + "tenant, statement, digest, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Ids per lookup: far below SQLite's limit on the parameters of one statement (32766). */
    private static final int IDS_PER_LOOKUP = 500;

    /** Says what failed as the log says every failure of its store. */
    @FunctionalInterface
    interface Failures {
        EventLogException failure(String what, SQLException cause);
    }

    private final Connection connection;
    private final Failures failures;
    private final Instant recordedAt;
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollBack;
    private final PreparedStatement lastRevision;
    private final PreparedStatement insert;
    private long lastPosition;

    private SqliteAppend(Connection connection, Instant now, Failures failures) throws SQLException {
        this.connection = connection;
        this.failures = failures;
        // Stored as epoch milliseconds: the entries returned must equal the entries read back later.
        this.recordedAt = Instant.ofEpochMilli(now.toEpochMilli());
        this.savepoint = connection.prepareStatement("SAVEPOINT append");
        this.release = connection.prepareStatement("RELEASE append");
        this.rollBack = connection.prepareStatement("ROLLBACK TO append");
        this.lastRevision = connection.prepareStatement(LAST_REVISION);
        this.insert = connection.prepareStatement(INSERT);
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery(LAST_POSITION)) {
            row.next();
            this.lastPosition = row.getLong(1);
        }
    }

    /**
     * Runs the appends of {@code group} in order on {@code connection}, inside the write transaction the caller holds
     * open, and returns each one's outcome: its result, or the port's refusal or the store's failure.
     *
     * @throws SQLException when the transaction itself can no longer go on: nothing of the group may be committed
     */
    static List<Outcome<AppendResult>> run(Connection connection, List<AppendBatch> group, Instant now,
            Failures failures) throws SQLException {
        try (SqliteAppend appends = new SqliteAppend(connection, now, failures)) {
            List<Outcome<AppendResult>> outcomes = new ArrayList<>(group.size());
            for (AppendBatch batch : group) {
                outcomes.add(appends.inSavepoint(batch));
            }
            return outcomes;
        }
    }

    private Outcome<AppendResult> inSavepoint(AppendBatch batch) throws SQLException {
        savepoint.execute();
        try {
            AppendResult result = append(batch);
            release.execute();
            return new Outcome.Done<>(result);
        } catch (EventLogException refused) {
            rollBackToSavepoint();
            return new Outcome.Refused<>(refused);
        } catch (SQLException failed) {
            // If the failure ended the whole transaction (a full disk does), this throws and the group fails.
            rollBackToSavepoint();
            return new Outcome.Refused<>(failures.failure("could not append " + batch.size() + " events", failed));
        }
    }

    private void rollBackToSavepoint() throws SQLException {
        rollBack.execute();
        release.execute();
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
            if (!isConstraintViolation(failed)) {
                throw failed;
            }
            // The insert stopped part-way; judged on what was stored before it, the batch may be a retry or reuse ids.
            rollBack.execute();
            Optional<AppendResult> retry = retryOf(batch);
            if (retry.isPresent()) {
                return retry.get();
            }
            throw failed;
        }
    }

    private Optional<RevisionConflictException> firstRevisionConflict(AppendBatch batch) throws SQLException {
        for (StreamAppend append : batch.appends()) {
            lastRevision.setString(1, append.stream().value());
            long actual;
            try (ResultSet row = lastRevision.executeQuery()) {
                row.next();
                actual = row.getObject(1) == null ? -1 : row.getLong(1);
            }
            if (actual != append.expected().lastRevision()) {
                return Optional.of(new RevisionConflictException(append.stream(), append.expected(),
                        ExpectedRevision.of(actual)));
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
        List<String> ids = new ArrayList<>(batch.size());
        batch.appends().forEach(append -> append.events().forEach(event -> ids.add(event.eventId())));
        Map<String, LogEntry> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP));
            String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement find = connection.prepareStatement("SELECT " + SqliteLogSchema.ENTRY_COLUMNS
                    + " FROM event_log WHERE event_id IN (" + placeholders + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    find.setString(i + 1, chunk.get(i));
                }
                for (LogEntry entry : SqliteLogRows.entries(find)) {
                    stored.put(entry.eventId(), entry);
                }
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
                            event.eventType(), event.tenant(), event.statement(), recordedAt);
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
        insert.setLong(9, entry.recordedAt().toEpochMilli());
    }

    /** A unique constraint, or a trigger's abort: the lookup decides whether the batch is a retry. */
    private static boolean isConstraintViolation(SQLException failure) {
        // A failed JDBC batch wraps the driver's exception in a BatchUpdateException.
        for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite
                    && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        try (savepoint; release; rollBack; lastRevision; insert) {
            // closes them all, the first failure reported
        }
    }
}
