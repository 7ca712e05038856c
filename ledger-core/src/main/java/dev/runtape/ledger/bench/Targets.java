package dev.runtape.ledger.bench;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.runtape.ledger.axon.CodecReader;
import dev.runtape.ledger.axon.EngineSettings;
import dev.runtape.ledger.axon.LedgerEventStorageEngine;
import dev.runtape.ledger.axon.SigningMint;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/** The engines under comparison, each on a fresh store. */
final class Targets {

    static final String RUNTAPE = "runtape";
    static final String AXON_JDBC = "axon-jdbc";

    private Targets() {
    }

    /** Runtape's engine over an event log: every event a schema-checked, Ed25519-signed, chained statement. */
    static EventStorageEngine runtape(EventLog log) {
        Ed25519SigningKey key = Ed25519SigningKey.generate(new SecureRandom());
        SigningMint mint = new SigningMint(LedgerKeyRing.create(key, Instant.now()),
                new StatementChecker(ProducerKeyRegistry.empty()), Clock.systemUTC());
        return new LedgerEventStorageEngine(log, mint, new CodecReader(), EngineSettings.DEFAULTS);
    }

    static AppendTarget runtapeOnSqlite(Path file) throws Exception {
        SqliteDatabase database = SqliteDatabase.open(file);
        SqliteEventLog log = SqliteEventLog.open(database);
        return new AppendTarget(RUNTAPE, "sqlite", runtape(log), () -> {
            log.close();
            database.close();
        });
    }

    /** Runtape's engine on a PostgreSQL database, through a pool of one connection per writer. */
    static AppendTarget runtapeOnPostgres(String url, String user, int writers) {
        PostgresDatabase database = PostgresDatabase.connect(url, user, "", writers);
        PostgresEventLog log = PostgresEventLog.open(database);
        return new AppendTarget(RUNTAPE, "postgres", runtape(log), () -> {
            log.close();
            database.close();
        });
    }

    /**
     * Axon's stock JDBC engine on PostgreSQL, on the tables of Axon's own {@code PostgresEventTableFactory}, through a
     * pool of one connection per writer, with the server's defaults (a commit is flushed before it returns), as
     * Runtape's engine.
     */
    static AppendTarget axonOnPostgres(String url, String user, int writers) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(writers);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(config);
        ThreadBoundConnections connections = new ThreadBoundConnections(dataSource);
        JdbcEventStorageEngine engine = axon(connections);
        connections.executeInTransaction(() -> engine.createSchema(PostgresEventTableFactory.INSTANCE));
        return new AppendTarget(AXON_JDBC, "postgres", engine, dataSource);
    }

    /**
     * Axon's stock JDBC engine on SQLite, with the same durability as the ledger's (WAL, synchronous=FULL), the same
     * SQLite settings as the ledger's write connection (a 64 MiB page cache, temporary data in memory, a checkpoint
     * every 10,000 WAL pages; they are SQLite's, not the engine's, and make Axon's appends faster too), and a pool of
     * one connection per writer. It stores Jackson JSON and signs nothing.
     */
    static AppendTarget axonOnSqlite(Path file, int writers) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(writers);
        // Per connection: durable at commit, waiting for the write lock rather than failing, and tuned as the ledger's.
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("cache_size", "-65536");
        config.addDataSourceProperty("temp_store", "MEMORY");
        config.setConnectionInitSql("PRAGMA wal_autocheckpoint = 10000");
        HikariDataSource dataSource = new HikariDataSource(config);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            requirePragma(statement, "synchronous", "2");
            requirePragma(statement, "cache_size", "-65536");
            requirePragma(statement, "wal_autocheckpoint", "10000");
            for (String ddl : AxonJdbcTables.SQLITE) {
                statement.execute(ddl);
            }
        }
        return new AppendTarget(AXON_JDBC, "sqlite", axon(new ThreadBoundConnections(dataSource)), dataSource);
    }

    private static void requirePragma(Statement statement, String pragma, String expected) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            String actual = row.next() ? row.getString(1) : "nothing";
            if (!expected.equals(actual)) {
                throw new IllegalStateException("Axon's SQLite connection has " + pragma + " " + actual + ", not "
                        + expected);
            }
        }
    }

    /** The stock engine with Jackson JSON in kebab-case, the names Runtape's payloads use. */
    static JdbcEventStorageEngine axon(ThreadBoundConnections connections) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder()
                        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                        .build())
                .build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(connections)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }
}
