package dev.runtape.ledger.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS note (id BIGINT PRIMARY KEY, text TEXT NOT NULL)");

    private PostgresDatabase database;

    @BeforeEach
    void open() throws SQLException {
        database = TestPostgres.freshDatabase();
        database.createSchema(SCHEMA);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCommittedWriteIsReadBack() throws SQLException {
        database.write(connection -> insert(connection, 1, "one"));

        assertThat(texts()).containsExactly("one");
    }

    @Test
    void aWriteThatFailsLeavesNothingBehind() throws SQLException {
        assertThatThrownBy(() -> database.write(connection -> {
            insert(connection, 1, "one");
            throw new IllegalStateException("changed my mind");
        })).isInstanceOf(IllegalStateException.class).hasMessage("changed my mind");

        assertThat(texts()).isEmpty();
    }

    @Test
    void aReadCannotWrite() {
        assertThatThrownBy(() -> database.read(connection -> insert(connection, 1, "one")))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void nodesCreatingTheSchemaAtOnceAllSucceed() throws Exception {
        String name = TestPostgres.createDatabase();
        List<String> schema = List.of(
                "CREATE TABLE IF NOT EXISTS counter (id INT PRIMARY KEY, value BIGINT NOT NULL)",
                "INSERT INTO counter (id, value) VALUES (1, 0) ON CONFLICT DO NOTHING");
        List<PostgresDatabase> nodes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                PostgresDatabase node = TestPostgres.connect(name);
                nodes.add(node);
                starts.add(() -> {
                    node.createSchema(schema);
                    return null;
                });
            }
            for (Future<Void> start : threads.invokeAll(starts)) {
                start.get();
            }
            long rows = nodes.getFirst().read(connection -> {
                try (ResultSet result = connection.createStatement().executeQuery("SELECT count(*) FROM counter")) {
                    result.next();
                    return result.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(1);
        } finally {
            threads.shutdownNow();
            nodes.forEach(PostgresDatabase::close);
        }
    }

    private static Void insert(java.sql.Connection connection, long id, String text) throws SQLException {
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
