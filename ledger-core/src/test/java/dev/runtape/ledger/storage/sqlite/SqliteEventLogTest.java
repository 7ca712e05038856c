package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
