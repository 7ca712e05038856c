package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventIdConflictException;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.RevisionConflictException;
import dev.runtape.ledger.log.StreamAppend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One append, run inside a write transaction that holds SQLite's write lock: nothing else commits between its checks
 * and its inserts, which is what makes the checks hold and the positions gapless.
 *
 * <p>Event ids are checked before revisions, because a retry finds its streams moved on by its own first attempt.
 */
final class SqliteAppend {

    private static final String FIND_BY_EVENT_ID =
            "SELECT " + SqliteLogSchema.ENTRY_COLUMNS + " FROM event_log WHERE event_id = ?";
    private static final String LAST_REVISION = "SELECT max(revision) FROM event_log WHERE stream = ?";
    private static final String LAST_POSITION = "SELECT coalesce(max(position), 0) FROM event_log";
    private static final String INSERT = "INSERT INTO event_log (position, stream, revision, event_id, event_type, "
            + "tenant, statement, digest, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final AppendBatch batch;

    private SqliteAppend(Connection connection, AppendBatch batch) {
        this.connection = connection;
        this.batch = batch;
    }

    /** Appends {@code batch}, or returns the original entries of a retry; throws the port's refusals. */
    static AppendResult run(Connection connection, AppendBatch batch, Instant now) throws SQLException {
        SqliteAppend append = new SqliteAppend(connection, batch);
        Map<String, LogEntry> stored = append.storedEntries();
        if (!stored.isEmpty()) {
            return new AppendResult(append.retriedEntries(stored), true);
        }
        append.checkRevisions();
        return new AppendResult(append.insert(now), false);
    }

    private Map<String, LogEntry> storedEntries() throws SQLException {
        Map<String, LogEntry> stored = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(FIND_BY_EVENT_ID)) {
            for (StreamAppend append : batch.appends()) {
                for (NewEvent event : append.events()) {
                    find.setString(1, event.eventId());
                    try (ResultSet row = find.executeQuery()) {
                        if (row.next()) {
                            stored.put(event.eventId(), SqliteLogRows.entry(row));
                        }
                    }
                }
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
        try (PreparedStatement lastRevision = connection.prepareStatement(LAST_REVISION)) {
            for (StreamAppend append : batch.appends()) {
                lastRevision.setString(1, append.stream().value());
                try (ResultSet row = lastRevision.executeQuery()) {
                    row.next();
                    long actual = row.getObject(1) == null ? -1 : row.getLong(1);
                    if (actual != append.expected().lastRevision()) {
                        throw new RevisionConflictException(append.stream(), append.expected(),
                                ExpectedRevision.of(actual));
                    }
                }
            }
        }
    }

    private List<LogEntry> insert(Instant now) throws SQLException {
        // Stored as epoch milliseconds: the entries returned must equal the entries read back later.
        Instant recordedAt = Instant.ofEpochMilli(now.toEpochMilli());
        long position = lastPosition();
        List<LogEntry> entries = new ArrayList<>(batch.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (StreamAppend append : batch.appends()) {
                long revision = append.expected().nextRevision();
                for (NewEvent event : append.events()) {
                    LogEntry entry = new LogEntry(++position, append.stream(), revision++, event.eventId(),
                            event.eventType(), event.tenant(), event.statement(), recordedAt);
                    bind(insert, entry);
                    insert.addBatch();
                    entries.add(entry);
                }
            }
            insert.executeBatch();
        }
        return entries;
    }

    private long lastPosition() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LAST_POSITION);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void bind(PreparedStatement insert, LogEntry entry) throws SQLException {
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
}
