package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.integrator.IntegratorLease;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The integrator's lease in a {@link SqliteTreeStore}: one row, changed only by conditional updates, its expiry in
 * milliseconds of SQLite's clock. Several processes sharing the file compete for it through SQLite's write lock.
 */
final class SqliteIntegratorLease implements IntegratorLease {

    private static final String NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

    private final SqliteDatabase database;

    SqliteIntegratorLease(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public boolean tryAcquire(String owner, Duration ttl) {
        return update("could not take the integrator lease for " + owner,
                "UPDATE integrator_lease SET owner = ?, expires_at_ms = " + NOW_MS + " + ?"
                        + " WHERE id = 1 AND (owner IS NULL OR owner = ? OR expires_at_ms <= " + NOW_MS + ")",
                owner, ttl.toMillis(), owner);
    }

    @Override
    public boolean renew(String owner, Duration ttl) {
        return update("could not renew the integrator lease of " + owner,
                "UPDATE integrator_lease SET expires_at_ms = " + NOW_MS + " + ? WHERE id = 1 AND owner = ?",
                ttl.toMillis(), owner);
    }

    @Override
    public void release(String owner) {
        update("could not release the integrator lease of " + owner,
                "UPDATE integrator_lease SET owner = NULL, expires_at_ms = 0 WHERE id = 1 AND owner = ?", owner);
    }

    /** Runs one update and says whether it changed the lease row. */
    private boolean update(String what, String sql, Object... parameters) {
        try {
            return database.write(connection -> {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        update.setObject(i + 1, parameters[i]);
                    }
                    return update.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw SqliteTreeStore.failure(database, what, e);
        }
    }
}
