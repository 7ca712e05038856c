package dev.runtape.ledger.storage.postgres;

import java.util.List;

/** The event log's tables in PostgreSQL. */
final class PostgresLogSchema {

    /** The constraint that keeps event ids unique in the whole log. */
    static final String EVENT_ID_KEY = "event_log_event_id_key";

    /**
     * {@code event_log_counter} holds the last position handed out, in its one row. An append locks that row first and
     * updates it in the same transaction, so appends commit one after the other, in position order, and a rolled-back
     * append gives its positions back. The unique constraints of {@code event_log} are a backstop behind the append's
     * own checks.
     */
    static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS event_log_counter (
                id            SMALLINT PRIMARY KEY CHECK (id = 1),
                last_position BIGINT   NOT NULL
            )""", """
            INSERT INTO event_log_counter (id, last_position) VALUES (1, 0) ON CONFLICT (id) DO NOTHING""", """
            CREATE TABLE IF NOT EXISTS event_log (
                position    BIGINT      PRIMARY KEY CHECK (position >= 1),
                stream      TEXT        NOT NULL,
                revision    BIGINT      NOT NULL CHECK (revision >= 0),
                event_id    TEXT        NOT NULL,
                event_type  TEXT        NOT NULL,
                tenant      TEXT        NOT NULL,
                statement   BYTEA       NOT NULL,
                digest      BYTEA       NOT NULL,
                recorded_at TIMESTAMPTZ NOT NULL,
                CONSTRAINT event_log_stream_revision_key UNIQUE (stream, revision),
                CONSTRAINT %s UNIQUE (event_id)
            )""".formatted(EVENT_ID_KEY));

    /** The columns {@link PostgresLogRows#entry} reads, in its order. */
    static final String ENTRY_COLUMNS =
            "position, stream, revision, event_id, event_type, tenant, statement, recorded_at";

    private PostgresLogSchema() {}
}
