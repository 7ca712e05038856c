package dev.runtape.ledger.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one SQLite connection inside one transaction that {@link SqliteDatabase} opens and ends around it.
 * The work must not commit, roll back or keep the connection.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
