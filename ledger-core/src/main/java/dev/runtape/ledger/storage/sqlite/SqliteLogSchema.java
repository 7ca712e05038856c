package dev.runtape.ledger.storage.sqlite;

import java.util.List;

/** The event log's table in SQLite. */
final class SqliteLogSchema {

    /**
     * One row per statement. {@code position} is the rowid, assigned by the append as the last position plus one under
     * SQLite's single write lock, never by AUTOINCREMENT, which may skip numbers. The unique constraints are a
     * backstop behind the append's own checks.
     */
    static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS event_log (
                position    INTEGER PRIMARY KEY,
                stream      TEXT    NOT NULL,
                revision    INTEGER NOT NULL,
                event_id    TEXT    NOT NULL UNIQUE,
                event_type  TEXT    NOT NULL,
                tenant      TEXT    NOT NULL,
                statement   BLOB    NOT NULL,
                digest      BLOB    NOT NULL,
                recorded_at INTEGER NOT NULL,
                UNIQUE (stream, revision)
            )""");

    /** The columns {@link SqliteLogRows#entry} reads, in its order. */
    static final String ENTRY_COLUMNS =
            "position, stream, revision, event_id, event_type, tenant, statement, recorded_at";

    private SqliteLogSchema() {}
}
