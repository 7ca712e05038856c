package dev.runtape.ledger.node;

import dev.runtape.ledger.storage.kurrent.KurrentLogSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a node keeps its log and Merkle tree: a SQLite file (the embedded default), a PostgreSQL database, or a
 * KurrentDB server for the log with the tree in a SQLite file of the node.
 */
public sealed interface StoreSettings {

    /** The PostgreSQL database of this store, which the nodes of a ledger can share everything else through. */
    Optional<Postgres> sharedDatabase();

    /** A SQLite database in one file. */
    record Sqlite(Path file) implements StoreSettings {

        @Override
        public Optional<Postgres> sharedDatabase() {
            return Optional.empty();
        }
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
        public Optional<Postgres> sharedDatabase() {
            return Optional.of(this);
        }

        @Override
        public String toString() {
            return "Postgres[" + jdbcUrl + ", user " + user + "]";
        }
    }

    /**
     * The log on a KurrentDB server (decision 0018), under the stream prefix {@code namespace}; the Merkle tree, the
     * checkpoints and the integrator's lease, since KurrentDB has no tables, in the PostgreSQL database
     * {@code treeDatabase} when one is given (what nodes sharing the log need), else in the SQLite file
     * {@code treeFile} of this node.
     */
    record Kurrent(String connectionString, String namespace, Path treeFile, @Nullable Postgres treeDatabase)
            implements StoreSettings {

        public Kurrent {
            new KurrentLogSettings(connectionString, namespace, java.time.Duration.ofSeconds(30));
        }

        /** The tree in a SQLite file of this node. */
        public Kurrent(String connectionString, String namespace, Path treeFile) {
            this(connectionString, namespace, treeFile, null);
        }

        @Override
        public Optional<Postgres> sharedDatabase() {
            return Optional.ofNullable(treeDatabase);
        }

        public KurrentLogSettings log() {
            return KurrentLogSettings.of(connectionString).withNamespace(namespace);
        }

        @Override
        public String toString() {
            return "Kurrent[" + log() + ", tree " + (treeDatabase != null ? treeDatabase : treeFile) + "]";
        }
    }
}
