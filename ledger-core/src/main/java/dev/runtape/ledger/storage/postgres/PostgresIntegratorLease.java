package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.integrator.IntegratorLease;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The integrator's lease in a {@link PostgresTreeStore}: one row, changed only by conditional updates, its expiry by
 * the server's clock, so the nodes' clocks do not matter. Concurrent updates wait for the row's lock and then test
 * their condition against what the winner wrote.
 */
final class PostgresIntegratorLease implements IntegratorLease {

    private static final String EXPIRY = "clock_timestamp() + ?::bigint * interval '1 millisecond'";

    private final PostgresDatabase database;

    PostgresIntegratorLease(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    public boolean tryAcquire(String owner, Duration ttl) {
        return update("could not take the integrator lease for " + owner,
                "UPDATE integrator_lease SET owner = ?, expires_at = " + EXPIRY
                        + " WHERE id = 1 AND (owner IS NULL OR owner = ? OR expires_at <= clock_timestamp())",
                owner, ttl.toMillis(), owner);
    }

    @Override
    public boolean renew(String owner, Duration ttl) {
        return update("could not renew the integrator lease of " + owner,
                "UPDATE integrator_lease SET expires_at = " + EXPIRY + " WHERE id = 1 AND owner = ?",
                ttl.toMillis(), owner);
    }

    @Override
    public void release(String owner) {
        update("could not release the integrator lease of " + owner,
                "UPDATE integrator_lease SET owner = NULL, expires_at = '-infinity' WHERE id = 1 AND owner = ?",
                owner);
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
            throw PostgresTreeStore.failure(what, e);
        }
    }
}
