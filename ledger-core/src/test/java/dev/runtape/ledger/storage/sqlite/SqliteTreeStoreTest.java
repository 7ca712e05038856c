package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.integrator.TreeStore;
import dev.runtape.ledger.integrator.TreeStoreContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTreeStoreTest extends TreeStoreContract {

    @TempDir
    Path directory;

    private final List<SqliteDatabase> databases = new ArrayList<>();

    @Override
    protected TreeStore createStore() throws SQLException {
        return SqliteTreeStore.open(openDatabase());
    }

    /** A second connection set on the same file: what another process opening the file would have. */
    @Override
    protected TreeStore openAnother() throws SQLException {
        return SqliteTreeStore.open(openDatabase());
    }

    @Override
    protected TreeStore reopen() throws SQLException {
        closeDatabases();
        return SqliteTreeStore.open(openDatabase());
    }

    @AfterEach
    void closeDatabases() throws SQLException {
        for (SqliteDatabase database : databases) {
            database.close();
        }
        databases.clear();
    }

    private SqliteDatabase openDatabase() throws SQLException {
        SqliteDatabase database = SqliteDatabase.open(directory.resolve("ledger.db"));
        databases.add(database);
        return database;
    }
}
