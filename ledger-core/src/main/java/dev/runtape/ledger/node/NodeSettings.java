package dev.runtape.ledger.node;

import dev.runtape.ledger.axon.EngineSettings;
import dev.runtape.ledger.integrator.IntegratorSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a node is started with.
 *
 * @param dataDirectory holds the keys ({@code keys/}), the content store ({@code content/}) and, by default, the
 *     SQLite log ({@code ledger.db})
 * @param cluster how the node shares the ledger with other nodes, or null for a node on its own
 */
public record NodeSettings(Path dataDirectory, StoreSettings store, EngineSettings engine,
        IntegratorSettings integrator, @Nullable ClusterSettings cluster) {

    public NodeSettings {
        if (cluster != null && store.sharedDatabase().isEmpty()) {
            throw new IllegalArgumentException("nodes share a ledger through a PostgreSQL database: the store "
                    + store + " has none");
        }
    }

    /** The embedded defaults: everything under {@code dataDirectory}, SQLite, this host as the integrator's owner. */
    public static NodeSettings embedded(Path dataDirectory) {
        return new NodeSettings(dataDirectory, new StoreSettings.Sqlite(dataDirectory.resolve("ledger.db")),
                EngineSettings.DEFAULTS, IntegratorSettings.defaults("runtape", defaultOwner()), null);
    }

    public NodeSettings withStore(StoreSettings newStore) {
        return new NodeSettings(dataDirectory, newStore, engine, integrator, cluster);
    }

    public NodeSettings withIntegrator(IntegratorSettings newIntegrator) {
        return new NodeSettings(dataDirectory, store, engine, newIntegrator, cluster);
    }

    /** The node shares the ledger with others, as {@code newCluster} says. */
    public NodeSettings withCluster(ClusterSettings newCluster) {
        return new NodeSettings(dataDirectory, store, engine, integrator, newCluster);
    }

    public Optional<ClusterSettings> clusterSettings() {
        return Optional.ofNullable(cluster);
    }

    public Path keyDirectory() {
        return dataDirectory.resolve("keys");
    }

    /** Streamed contents (artifacts), one file each; read also for contents a node stored as files before. */
    public Path contentDirectory() {
        return dataDirectory.resolve("content");
    }

    /** Disclosures and other contents stored whole, in one SQLite database. */
    public Path contentDatabase() {
        return dataDirectory.resolve("content.db");
    }

    /** The host name and process id: unique among the nodes sharing a database. */
    private static String defaultOwner() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid();
    }
}
