package dev.runtape.ledger.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");

    @TempDir
    Path directory;

    private SqliteDatabase database;

    @BeforeEach
    void open() throws SQLException {
        database = SqliteDatabase.open(directory.resolve("ledger.db"));
        database.createSchema(SCHEMA);
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void theJournalIsWriteAheadAndCommitsAreFullySynced() throws SQLException {
        String journal = database.write(connection -> pragma(connection, "journal_mode"));
        String synchronous = database.write(connection -> pragma(connection, "synchronous"));

        assertThat(journal).isEqualTo("wal");
        assertThat(synchronous).isEqualTo("2");
    }

    @Test
    void theWriterKeepsALargePageCacheSavepointJournalsInMemoryAndCheckpointsEveryTenThousandPages()
            throws SQLException {
        String cacheSize = database.write(connection -> pragma(connection, "cache_size"));
        String tempStore = database.write(connection -> pragma(connection, "temp_store"));
        String autocheckpoint = database.write(connection -> pragma(connection, "wal_autocheckpoint"));

        assertThat(cacheSize).isEqualTo("-65536");
        assertThat(tempStore).isEqualTo("2");
        assertThat(autocheckpoint).isEqualTo("10000");
    }

    @Test
    void aCommittedWriteSurvivesReopening() throws SQLException {
        database.write(connection -> insert(connection, 1, "one"));
        database.close();

        database = SqliteDatabase.open(directory.resolve("ledger.db"));
        database.createSchema(SCHEMA);

        assertThat(texts()).containsExactly("one");
    }

    @Test
    void aWriteThatFailsLeavesNothingBehind() throws SQLException {
        assertThatThrownBy(() -> database.write(connection -> {
            insert(connection, 1, "one");
            throw new IllegalStateException("changed my mind");
        })).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");

        database.write(connection -> insert(connection, 2, "two"));
        assertThat(texts()).containsExactly("two");
    }

    @Test
    void aReadCannotWrite() {
        assertThatThrownBy(() -> database.read(connection -> insert(connection, 1, "one")))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aClosedDatabaseRefusesWork() throws SQLException {
        database.close();

        assertThatThrownBy(() -> database.read(connection -> null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> database.write(connection -> null)).isInstanceOf(SQLException.class)
                .hasMessageContaining("closed");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private static Void insert(Connection connection, long id, String text) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO note (id, text) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, text);
            insert.executeUpdate();
        }
        return null;
    }

    private List<String> texts() throws SQLException {
        return database.read(connection -> {
            List<String> texts = new ArrayList<>();
            try (ResultSet result = connection.createStatement().executeQuery("SELECT text FROM note ORDER BY id")) {
                while (result.next()) {
                    texts.add(result.getString(1));
                }
            }
            return texts;
        });
    }
}
