package dev.runtape.ledger.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.AppendResult;
import dev.runtape.ledger.log.EventIdConflictException;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.verifier.Digest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresEventLogTest extends EventLogContract {

    private final List<PostgresDatabase> pools = new ArrayList<>();
    private String databaseName = "";

    @Override
    protected EventLog createLog() {
        databaseName = TestPostgres.createDatabase();
        return PostgresEventLog.open(connect());
    }

    /** A second pool on the same database: what another node would have. */
    @Override
    protected EventLog openAnother() {
        return PostgresEventLog.open(connect());
    }

    @Override
    protected void failInsertsOf(String eventId) throws SQLException {
        pools.getFirst().write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'poisoned by the test'; END $$""");
                statement.execute("CREATE TRIGGER poison BEFORE INSERT ON event_log FOR EACH ROW "
                        + "WHEN (NEW.event_id = '" + eventId + "') EXECUTE FUNCTION poison()");
            }
            return null;
        });
    }

    /** Holds the counter row's lock in a transaction of another connection, as every append takes it first. */
    @Override
    protected AutoCloseable holdWrites() throws SQLException {
        Connection holder = pools.getFirst().dataSource().getConnection();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("SELECT last_position FROM event_log_counter WHERE id = 1 FOR UPDATE");
        }
        return () -> {
            try (holder) {
                holder.rollback();
            }
        };
    }

    @Test
    void anEventIdCommittedMeanwhileByAWriterThatBypassesTheCounterIsRefusedAsAnEventIdConflict() throws Exception {
        CompletableFuture<AppendResult> append = appendWhileABypassingWriterCommits("task/a", "x", stream("b"));

        assertThatThrownBy(() -> append.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(EventIdConflictException.class, conflict -> {
                    assertThat(conflict.eventId()).isEqualTo("x");
                    assertThat(conflict).hasMessageContaining("task/a");
                });
        assertThat(log.head(stream("b"))).isEmpty();
    }

    @Test
    void aBatchCommittedMeanwhileByAWriterThatBypassesTheCounterComesBackAsARetry() throws Exception {
        AppendResult result = appendWhileABypassingWriterCommits("task/a", "x", stream("a")).get(30, TimeUnit.SECONDS);

        assertThat(result.retried()).isTrue();
        assertThat(result.entries()).extracting(LogEntry::position).containsExactly(1000L);
    }

    /**
     * Holds an uncommitted row with {@code eventId} in {@code bypassStream}, appends {@code eventId} to
     * {@code stream} meanwhile (its insert waits on the unique index), then commits the row: the append's insert
     * then fails with a unique violation, which the log must judge again.
     */
    private CompletableFuture<AppendResult> appendWhileABypassingWriterCommits(String bypassStream, String eventId,
            StreamId stream) throws Exception {
        try (Connection bypass = pools.getFirst().dataSource().getConnection()) {
            bypass.setAutoCommit(false);
            try (PreparedStatement insert = bypass.prepareStatement("INSERT INTO event_log VALUES "
                    + "(1000, ?, 0, ?, 't', 'tenant-1', '\\x01', ?, now())")) {
                insert.setString(1, bypassStream);
                insert.setString(2, eventId);
                insert.setBytes(3, Digest.sha256(new byte[] {1}).bytes());
                insert.executeUpdate();
            }
            CompletableFuture<AppendResult> append = CompletableFuture.supplyAsync(() -> log.append(
                    AppendBatch.of(StreamAppend.of(stream, ExpectedRevision.NO_STREAM, event(eventId)))));
            awaitABackendWaitingOnALock();
            bypass.commit();
            return append;
        }
    }

    private void awaitABackendWaitingOnALock() throws Exception {
        for (int poll = 0; poll < 3000; poll++) {
            long waiting = pools.getFirst().read(connection -> {
                try (ResultSet row = connection.createStatement().executeQuery("SELECT count(*) FROM "
                        + "pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                    row.next();
                    return row.getLong(1);
                }
            });
            if (waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the append never waited on the bypassing writer's row");
    }

    private static StreamId stream(String id) {
        return StreamId.of(StreamId.Kind.TASK, id);
    }

    private static NewEvent event(String eventId) {
        return new NewEvent(eventId, "t", "tenant-1", StatementBytes.of(new byte[] {2}));
    }

    @AfterEach
    void closePools() {
        pools.forEach(PostgresDatabase::close);
    }

    private PostgresDatabase connect() {
        PostgresDatabase pool = TestPostgres.connect(databaseName);
        pools.add(pool);
        return pool;
    }
}
