package dev.runtape.ledger.bench;

import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * The PostgreSQL server a benchmark measures on: a fresh database for each measurement, dropped after it with a
 * checkpoint, so that no measurement flushes the last one's writes. The server must be durable (fsync,
 * synchronous_commit and full_page_writes on): the benchmark measures appends that survive a crash of the machine.
 */
public interface PostgresServer extends AutoCloseable {

    /** A new, empty database, by name. */
    String freshDatabase(String prefix) throws SQLException;

    /** The JDBC URL of {@code database}, for {@link #user()}. */
    String url(String database);

    /** The user the engines connect as. */
    String user();

    /** Drops a measured database and checkpoints the server. */
    void dropAndCheckpoint(String database) throws SQLException;

    /** The postmaster's process id, when the server runs on this machine and it can be read: its backends' CPU. */
    OptionalLong postmaster();

    /** Stops the server if the benchmark started it. */
    @Override
    void close() throws Exception;
}
