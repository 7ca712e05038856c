package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventIdConflictException;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One append, in one transaction at READ COMMITTED. It locks the counter row before it checks anything: every later
 * statement of the transaction then sees every append committed before it, and no other append can commit until it
 * ends, so its checks hold and its positions follow the last committed one without a gap.
 *
 * <p>Event ids are checked before revisions, because a retry finds its streams moved on by its own first attempt.
 */
final class PostgresAppend {

    private static final String LOCK_COUNTER = "SELECT last_position FROM event_log_counter WHERE id = 1 FOR UPDATE";
    private static final String FIND_BY_EVENT_IDS =
            "SELECT " + PostgresLogSchema.ENTRY_COLUMNS + " FROM event_log WHERE event_id = ANY (?)";
    // A scalar subquery per stream lets PostgreSQL read each max from the end of the (stream, revision) index.
    private static final String LAST_REVISIONS = "SELECT s.stream, "
            + "(SELECT max(e.revision) FROM event_log e WHERE e.stream = s.stream) FROM unnest(?::text[]) AS s(stream)";
    private static final String ADVANCE_COUNTER =
            "UPDATE event_log_counter SET last_position = ? WHERE id = 1 RETURNING clock_timestamp()";
    private static final String INSERT = "INSERT INTO event_log (position, stream, revision, event_id, event_type, "
            + "tenant, statement, digest, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final AppendBatch batch;

    private PostgresAppend(Connection connection, AppendBatch batch) {
        this.connection = connection;
        this.batch = batch;
    }

    /** Appends {@code batch}, or returns the original entries of a retry; throws the port's refusals. */
    static AppendResult run(Connection connection, AppendBatch batch) throws SQLException {
        PostgresAppend append = new PostgresAppend(connection, batch);
        long lastPosition = append.lockCounter();
        Optional<AppendResult> retry = append.check();
        if (retry.isPresent()) {
            // Nothing was written: committing only releases the counter's lock.
            return retry.get();
        }
        return new AppendResult(append.insert(lastPosition), false);
    }

    /**
     * Judges {@code batch} against what is committed: the original entries when it is a retry, a refusal thrown when
     * it conflicts, and empty when it could be appended.
     */
    static Optional<AppendResult> check(Connection connection, AppendBatch batch) throws SQLException {
        return new PostgresAppend(connection, batch).check();
    }

    private Optional<AppendResult> check() throws SQLException {
        Map<String, LogEntry> stored = storedEntries();
        if (!stored.isEmpty()) {
            return Optional.of(new AppendResult(retriedEntries(stored), true));
        }
        checkRevisions();
        return Optional.empty();
    }

    private long lockCounter() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_COUNTER);
                ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the event log's counter row is missing from event_log_counter");
            }
            return row.getLong(1);
        }
    }

    private Map<String, LogEntry> storedEntries() throws SQLException {
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

    /** The stored entries in the batch's order, when every id is stored in the stream the batch names. */
    private List<LogEntry> retriedEntries(Map<String, LogEntry> stored) {
        String missing = null;
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
        return entries;
    }

    private void checkRevisions() throws SQLException {
        Map<String, Long> actual = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(LAST_REVISIONS)) {
            query.setArray(1, connection.createArrayOf("text",
                    batch.appends().stream().map(append -> append.stream().value()).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String stream = rows.getString(1);
                    long revision = rows.getLong(2);
                    actual.put(stream, rows.wasNull() ? -1 : revision);
                }
            }
        }
        for (StreamAppend append : batch.appends()) {
            StreamId stream = append.stream();
            long last = actual.get(stream.value());
            if (last != append.expected().lastRevision()) {
                throw new RevisionConflictException(stream, append.expected(), ExpectedRevision.of(last));
            }
        }
    }

    private List<LogEntry> insert(long lastPosition) throws SQLException {
        OffsetDateTime recordedAt = advanceCounter(lastPosition + batch.size());
        long position = lastPosition;
        List<LogEntry> entries = new ArrayList<>(batch.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (StreamAppend append : batch.appends()) {
                long revision = append.expected().nextRevision();
                for (NewEvent event : append.events()) {
                    LogEntry entry = new LogEntry(++position, append.stream(), revision++, event.eventId(),
                            event.eventType(), event.tenant(), event.statement(), recordedAt.toInstant());
                    bind(insert, entry, recordedAt);
                    insert.addBatch();
                    entries.add(entry);
                }
            }
            insert.executeBatch();
        }
        return entries;
    }

    /** Sets the counter to the batch's last position and returns the store's clock, read under the counter's lock. */
    private OffsetDateTime advanceCounter(long newLastPosition) throws SQLException {
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE_COUNTER)) {
            advance.setLong(1, newLastPosition);
            try (ResultSet row = advance.executeQuery()) {
                row.next();
                return row.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private static void bind(PreparedStatement insert, LogEntry entry, OffsetDateTime recordedAt)
            throws SQLException {
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
}
