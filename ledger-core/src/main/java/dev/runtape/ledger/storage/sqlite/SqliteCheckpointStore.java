package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.integrator.CheckpointStore;
import dev.runtape.ledger.integrator.SignedCheckpoint;
import dev.runtape.ledger.integrator.TreeStoreException;
import dev.runtape.verifier.FormatException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The signed checkpoints of a {@link SqliteTreeStore}: one row per tree size, the COSE_Sign1 bytes as signed. */
final class SqliteCheckpointStore implements CheckpointStore {

    private final SqliteDatabase database;

    SqliteCheckpointStore(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public boolean add(SignedCheckpoint checkpoint) {
        try {
            return database.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO merkle_checkpoint"
                        + " (tree_size, root, signed_at_ms, signed) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, checkpoint.treeSize());
                    insert.setBytes(2, checkpoint.root().bytes());
                    insert.setLong(3, checkpoint.timestamp().toEpochMilli());
                    insert.setBytes(4, checkpoint.encode());
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw SqliteTreeStore.failure(database, "could not store the checkpoint of size "
                    + checkpoint.treeSize(), e);
        }
    }

    @Override
    public Optional<SignedCheckpoint> latest() {
        return find("the latest checkpoint", "SELECT signed FROM merkle_checkpoint ORDER BY tree_size DESC LIMIT 1");
    }

    @Override
    public Optional<SignedCheckpoint> ofSize(long treeSize) {
        return find("the checkpoint of size " + treeSize, "SELECT signed FROM merkle_checkpoint WHERE tree_size = ?",
                treeSize);
    }

    private Optional<SignedCheckpoint> find(String what, String sql, long... parameters) {
        Optional<byte[]> signed;
        try {
            signed = database.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        query.setLong(i + 1, parameters[i]);
                    }
                    try (ResultSet row = query.executeQuery()) {
                        return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw SqliteTreeStore.failure(database, "could not read " + what, e);
        }
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedCheckpoint.decode(signed.get()));
        } catch (FormatException e) {
            throw new TreeStoreException("the stored bytes of " + what + " are damaged: " + e.getMessage(), e);
        }
    }
}
