package dev.runtape.ledger.storage.postgres;

import java.util.List;

/** The tables of the Merkle tree store in PostgreSQL, created idempotently at open. */
final class PostgresTreeSchema {

    /**
     * {@code merkle_leaf} maps leaf indexes to log positions and leaf hashes; {@code merkle_node} holds every complete
     * interior subtree; the one row of {@code merkle_tree_state} is the size and last position that {@code extend}
     * updates conditionally: its row lock orders concurrent extensions, and the condition refuses all but the first
     * from one size. {@code merkle_checkpoint} holds the signed checkpoints; the one row of {@code integrator_lease}
     * is the lease, its expiry by the server's clock.
     */
    static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS merkle_leaf (
                leaf_index   BIGINT PRIMARY KEY,
                log_position BIGINT NOT NULL UNIQUE,
                leaf_hash    BYTEA  NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS merkle_node (
                level      SMALLINT NOT NULL,
                node_index BIGINT   NOT NULL,
                hash       BYTEA    NOT NULL,
                PRIMARY KEY (level, node_index)
            )""", """
            CREATE TABLE IF NOT EXISTS merkle_tree_state (
                id            SMALLINT PRIMARY KEY CHECK (id = 1),
                tree_size     BIGINT   NOT NULL,
                last_position BIGINT   NOT NULL
            )""",
            "INSERT INTO merkle_tree_state (id, tree_size, last_position) VALUES (1, 0, 0) ON CONFLICT DO NOTHING", """
            CREATE TABLE IF NOT EXISTS merkle_checkpoint (
                tree_size    BIGINT PRIMARY KEY,
                root         BYTEA  NOT NULL,
                signed_at_ms BIGINT NOT NULL,
                signed       BYTEA  NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS integrator_lease (
                id         SMALLINT    PRIMARY KEY CHECK (id = 1),
                owner      TEXT,
                expires_at TIMESTAMPTZ NOT NULL
            )""",
            "INSERT INTO integrator_lease (id, owner, expires_at) VALUES (1, NULL, '-infinity') ON CONFLICT DO NOTHING");

    private PostgresTreeSchema() {}
}
