package dev.runtape.ledger.node;

import java.nio.file.Path;

/** Where a node keeps its log and Merkle tree: a SQLite file (the embedded default) or a PostgreSQL database. */
public sealed interface StoreSettings {

    /** A SQLite database in one file. */
    record Sqlite(Path file) implements StoreSettings {
    }

    /** A PostgreSQL database, reached through a connection pool of {@code poolSize}. */
    record Postgres(String jdbcUrl, String user, String password, int poolSize) implements StoreSettings {

        public Postgres {
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("pool size must be at least 1: " + poolSize);
            }
        }

        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl + ", user " + user + "]";
        }
    }
}
