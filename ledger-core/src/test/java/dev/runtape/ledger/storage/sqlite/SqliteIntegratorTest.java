package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.integrator.IntegratorContract;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class SqliteIntegratorTest extends IntegratorContract {

    @TempDir
    Path directory;

    private final List<SqliteDatabase> databases = new ArrayList<>();

    @Override
    protected Node createNode() throws SQLException {
        return openNodeOnFile();
    }

    /** A second connection set on the same file: what another process opening the file would have. */
    @Override
    protected Node openAnotherNode() throws SQLException {
        return openNodeOnFile();
    }

    @Override
    protected Node restart() throws SQLException {
        closeNodes();
        return openNodeOnFile();
    }

    @Override
    protected void closeNodes() throws SQLException {
        for (SqliteDatabase database : databases) {
            database.close();
        }
        databases.clear();
    }

    private Node openNodeOnFile() throws SQLException {
        SqliteDatabase database = SqliteDatabase.open(directory.resolve("ledger.db"));
        databases.add(database);
        return new Node(SqliteEventLog.open(database), SqliteTreeStore.open(database));
    }
}
