package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.cluster.SharedDocument;
import dev.runtape.ledger.cluster.SharedDocuments;
import dev.runtape.ledger.cluster.SharedStateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Shared documents in the table {@code shared_document} of the ledger's PostgreSQL database, one row each. A
 * replacement is one conditional statement: the row's lock orders two nodes replacing from the same version, and the
 * second finds the version moved on.
 */
public final class PostgresSharedDocuments implements SharedDocuments {

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS shared_document (
                name    TEXT   PRIMARY KEY,
                version BIGINT NOT NULL CHECK (version >= 1),
                bytes   BYTEA  NOT NULL
            )""");

    private final PostgresDatabase database;

    private PostgresSharedDocuments(PostgresDatabase database) {
        this.database = database;
    }

    /** The documents of {@code database}, creating their table when needed. */
    public static PostgresSharedDocuments open(PostgresDatabase database) {
        try {
            database.createSchema(SCHEMA);
        } catch (SQLException e) {
            throw new SharedStateException("cannot create the table of shared documents: " + e.getMessage(), e);
        }
        return new PostgresSharedDocuments(database);
    }

    @Override
    public Optional<SharedDocument> read(String name) {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT version, bytes FROM shared_document WHERE name = ?")) {
                    select.setString(1, name);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(new SharedDocument(row.getLong(1), row.getBytes(2)))
                                : Optional.<SharedDocument>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new SharedStateException("cannot read the shared document " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean replace(String name, long expectedVersion, byte[] bytes) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("a version is never negative: " + expectedVersion);
        }
        String sql = expectedVersion == 0
                ? "INSERT INTO shared_document (name, version, bytes) VALUES (?, 1, ?) ON CONFLICT (name) DO NOTHING"
                : "UPDATE shared_document SET version = version + 1, bytes = ? WHERE name = ? AND version = ?";
        try {
            return database.write(connection -> {
                try (PreparedStatement change = connection.prepareStatement(sql)) {
                    if (expectedVersion == 0) {
                        change.setString(1, name);
                        change.setBytes(2, bytes);
                    } else {
                        change.setBytes(1, bytes);
                        change.setString(2, name);
                        change.setLong(3, expectedVersion);
                    }
                    return change.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw new SharedStateException("cannot write the shared document " + name + ": " + e.getMessage(), e);
        }
    }
}
