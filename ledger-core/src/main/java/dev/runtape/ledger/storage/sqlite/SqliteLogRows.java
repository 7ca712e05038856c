package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns rows of the event log's table into the port's values. */
final class SqliteLogRows {

    private SqliteLogRows() {}

    /** The entry in the current row, whose columns are {@link SqliteLogSchema#ENTRY_COLUMNS}. */
    static LogEntry entry(ResultSet row) throws SQLException {
        return new LogEntry(
                row.getLong(1),
                new StreamId(row.getString(2)),
                row.getLong(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                StatementBytes.of(row.getBytes(7)),
                Instant.ofEpochMilli(row.getLong(8)));
    }

    /** Every entry the query returns, in its order. */
    static List<LogEntry> entries(PreparedStatement query) throws SQLException {
        List<LogEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(entry(rows));
            }
        }
        return entries;
    }

    static StreamHead head(StreamId stream, long revision, byte[] digest) {
        try {
            return new StreamHead(stream, revision, Digest.of(digest));
        } catch (FormatException e) {
            throw new EventLogException("the stored digest of " + stream + " revision " + revision
                    + " is not a SHA-256 digest: " + e.getMessage(), e);
        }
    }
}
