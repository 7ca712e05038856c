package dev.runtape.ledger.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one PostgreSQL connection inside one transaction that {@link PostgresDatabase} opens and ends around
 * it. The work must not commit, roll back or keep the connection.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
