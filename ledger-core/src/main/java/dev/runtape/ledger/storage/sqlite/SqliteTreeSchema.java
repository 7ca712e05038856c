package dev.runtape.ledger.storage.sqlite;

import java.util.List;

/** The tables of the Merkle tree store in SQLite, created idempotently at open. */
final class SqliteTreeSchema {

    /**
     * {@code merkle_leaf} maps leaf indexes to log positions and leaf hashes; {@code merkle_node} holds every complete
     * interior subtree; the one row of {@code merkle_tree_state} is the size and last position that {@code extend}
     * updates conditionally, which is what refuses an extension from a stale size; {@code merkle_checkpoint} holds
     * the signed checkpoints; the one row of {@code integrator_lease} is the lease, its expiry in milliseconds of the
     * database's clock.
     */
    static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS merkle_leaf (
                leaf_index   INTEGER PRIMARY KEY,
                log_position INTEGER NOT NULL UNIQUE,
                leaf_hash    BLOB    NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS merkle_node (
                level      INTEGER NOT NULL,
                node_index INTEGER NOT NULL,
                hash       BLOB    NOT NULL,
                PRIMARY KEY (level, node_index)
            ) WITHOUT ROWID""", """
            CREATE TABLE IF NOT EXISTS merkle_tree_state (
                id            INTEGER PRIMARY KEY CHECK (id = 1),
                tree_size     INTEGER NOT NULL,
                last_position INTEGER NOT NULL
            )""",
            "INSERT OR IGNORE INTO merkle_tree_state (id, tree_size, last_position) VALUES (1, 0, 0)", """
            CREATE TABLE IF NOT EXISTS merkle_checkpoint (
                tree_size    INTEGER PRIMARY KEY,
                root         BLOB    NOT NULL,
                signed_at_ms INTEGER NOT NULL,
                signed       BLOB    NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS integrator_lease (
                id            INTEGER PRIMARY KEY CHECK (id = 1),
                owner         TEXT,
                expires_at_ms INTEGER NOT NULL
            )""",
            "INSERT OR IGNORE INTO integrator_lease (id, owner, expires_at_ms) VALUES (1, NULL, 0)");

    private SqliteTreeSchema() {}
}
