package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventLogTest extends EventLogContract {

    @TempDir
    Path directory;

    private final List<SqliteDatabase> databases = new ArrayList<>();

    @Override
    protected EventLog createLog() throws SQLException {
        return SqliteEventLog.open(openDatabase());
    }

    /** A second connection set on the same file: what another process opening the file would have. */
    @Override
    protected EventLog openAnother() throws SQLException {
        return SqliteEventLog.open(openDatabase());
    }

    @Override
    protected void failInsertsOf(String eventId) throws SQLException {
        databases.getFirst().write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TRIGGER poison BEFORE INSERT ON event_log WHEN NEW.event_id = '" + eventId
                        + "' BEGIN SELECT RAISE(ABORT, 'poisoned by the test'); END");
            }
            return null;
        });
    }

    /** Holds the database's write turn in a thread of its own, as a long write transaction would. */
    @Override
    protected AutoCloseable holdWrites() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            try {
                databases.getFirst().write(connection -> {
                    held.countDown();
                    awaitQuietly(release);
                    return null;
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        held.await();
        return () -> {
            release.countDown();
            holder.join();
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void closeDatabases() throws SQLException {
        for (SqliteDatabase database : databases) {
            database.close();
        }
    }

    private SqliteDatabase openDatabase() throws SQLException {
        SqliteDatabase database = SqliteDatabase.open(directory.resolve("ledger.db"));
        databases.add(database);
        return database;
    }
}
