package dev.runtape.ledger.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A PostgreSQL database reached through a {@link DataSource}, with helpers that run work in one transaction.
 *
 * <p>Transactions run at READ COMMITTED: the adapters serialise what must be serialised with row locks (the event
 * log's counter row), which is cheaper than SERIALIZABLE and never fails a transaction for a retry.
 *
 * <p>Safe for use by many threads at once, as far as the data source is.
 */
public final class PostgresDatabase implements AutoCloseable {

    /** The advisory lock key that schema creation holds: "runtape" in ASCII, any fixed number would do. */
    private static final long SCHEMA_LOCK_KEY = 0x72756e74617065L;

    private final DataSource dataSource;
    private final boolean ownsDataSource;

    private PostgresDatabase(DataSource dataSource, boolean ownsDataSource) {
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
    }

    /** Uses a data source that the caller keeps and closes. */
    public static PostgresDatabase using(DataSource dataSource) {
        return new PostgresDatabase(dataSource, false);
    }

    /**
     * Opens a HikariCP pool of {@code poolSize} connections to {@code jdbcUrl}; {@link #close()} closes it. Batched
     * inserts are rewritten into multi-row inserts ({@code reWriteBatchedInserts}), which is what makes a batch append
     * one round trip.
     */
    public static PostgresDatabase connect(String jdbcUrl, String user, String password, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection: " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("runtape-postgres");
        return new PostgresDatabase(new HikariDataSource(config), true);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one read-write transaction; rolls back and rethrows when the work or the commit fails. */
    public <T> T write(SqlWork<T> work) throws SQLException {
        return inTransaction(false, work);
    }

    /** Runs {@code work} in one read-only transaction. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        return inTransaction(true, work);
    }

    /**
     * Runs schema statements in one transaction under a transaction-scoped advisory lock, so that nodes starting at
     * once create the schema one after the other. The statements must be idempotent ({@code CREATE TABLE IF NOT
     * EXISTS}, {@code INSERT ... ON CONFLICT DO NOTHING}): each adapter applies its schema at open.
     */
    public void createSchema(List<String> statements) throws SQLException {
        write(connection -> {
            try (Statement statement = connection.createStatement()) {
                // CREATE TABLE IF NOT EXISTS alone is not safe against a concurrent create of the same table.
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }

    /** Closes the pool when {@link #connect} opened it; a data source given to {@link #using} stays open. */
    @Override
    public void close() {
        if (ownsDataSource && dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the PostgreSQL pool failed", e);
            }
        }
    }

    private <T> T inTransaction(boolean readOnly, SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // READ COMMITTED is PostgreSQL's default; setting it on every borrow would cost a round trip.
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (Throwable failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            }
            return result;
        }
    }
}
