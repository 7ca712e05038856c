package dev.runtape.ledger.node;

import dev.runtape.ledger.storage.kurrent.KurrentLogSettings;
import java.nio.file.Path;

/**
 * Where a node keeps its log and Merkle tree: a SQLite file (the embedded default), a PostgreSQL database, or a
 * KurrentDB server for the log with the tree in a SQLite file of the node.
 */
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

    /**
     * The log on a KurrentDB server (decision 0018), under the stream prefix {@code namespace}; the Merkle tree, the
     * checkpoints and the integrator's lease in the SQLite file {@code treeFile}, since KurrentDB has no tables.
     */
    record Kurrent(String connectionString, String namespace, Path treeFile) implements StoreSettings {

        public Kurrent {
            new KurrentLogSettings(connectionString, namespace, java.time.Duration.ofSeconds(30));
        }

        public KurrentLogSettings log() {
            return KurrentLogSettings.of(connectionString).withNamespace(namespace);
        }

        @Override
        public String toString() {
            return "Kurrent[" + log() + ", tree " + treeFile + "]";
        }
    }
}
