package dev.runtape.api.server;

import dev.runtape.ledger.node.ClusterSettings;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.ledger.node.NodeStartException;
import dev.runtape.ledger.node.StoreSettings;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger node the service runs on, started from {@link RuntapeProperties} and closed with the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RuntapeProperties.class)
public class LedgerNodeConfiguration {

    @Bean(destroyMethod = "close")
    public LedgerNode ledgerNode(RuntapeProperties properties) throws NodeStartException {
        NodeSettings embedded = NodeSettings.embedded(properties.data().toAbsolutePath().normalize());
        NodeSettings settings = embedded
                .withStore(store(properties, embedded))
                .withIntegrator(embedded.integrator().withCheckpointEvery(properties.checkpoints().everyLeaves(),
                        properties.checkpoints().everyInterval()));
        RuntapeProperties.Cluster cluster = properties.cluster();
        if (cluster.enabled()) {
            settings = shared(settings, cluster);
        }
        return LedgerNode.start(settings);
    }

    /** A node sharing its ledger: refused with the property to set when its settings are missing. */
    static NodeSettings shared(NodeSettings settings, RuntapeProperties.Cluster cluster) {
        if (settings.store().sharedDatabase().isEmpty()) {
            throw new IllegalStateException("runtape.cluster.enabled needs a PostgreSQL database to share: "
                    + "runtape.store.kind=postgres, or kurrentdb with runtape.store.postgres.url for the tree");
        }
        if (cluster.sealingKeyFile() == null) {
            throw new IllegalStateException("runtape.cluster.enabled needs runtape.cluster.sealing-key-file: the "
                    + "same 32 random bytes in base64 for every node (openssl rand -base64 32)");
        }
        try {
            return settings.withCluster(new ClusterSettings(cluster.sealingKeyFile(), cluster.refreshInterval()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("runtape.cluster: " + e.getMessage(), e);
        }
    }

    /** The store {@code runtape.store} names; refused with the property to set when its settings are missing. */
    static StoreSettings store(RuntapeProperties properties, NodeSettings embedded) {
        RuntapeProperties.Store store = properties.store();
        return switch (store.kind().toLowerCase(Locale.ROOT)) {
            case "sqlite" -> embedded.store();
            case "postgres", "postgresql" -> postgres(store.postgres()).orElseThrow(() ->
                    new IllegalStateException("runtape.store.kind=postgres needs runtape.store.postgres.url "
                            + "(a jdbc:postgresql:// URL)"));
            case "kurrentdb", "kurrent" -> {
                RuntapeProperties.Kurrentdb kurrent = store.kurrentdb();
                if (kurrent.connectionString() == null || kurrent.connectionString().isBlank()) {
                    throw new IllegalStateException("runtape.store.kind=kurrentdb needs "
                            + "runtape.store.kurrentdb.connection-string (a kurrentdb:// connection string, say "
                            + "kurrentdb://localhost:2113?tls=false)");
                }
                try {
                    yield new StoreSettings.Kurrent(kurrent.connectionString(), kurrent.namespace(),
                            embedded.dataDirectory().resolve("tree.db"), postgres(store.postgres()).orElse(null));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("runtape.store.kurrentdb: " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException("runtape.store.kind must be sqlite, postgres or kurrentdb, not \""
                    + store.kind() + "\"");
        };
    }

    /** The database {@code runtape.store.postgres} names, if its URL is set. */
    private static Optional<StoreSettings.Postgres> postgres(RuntapeProperties.Postgres postgres) {
        if (postgres.url() == null || postgres.url().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoreSettings.Postgres(postgres.url(), postgres.user(),
                    postgres.password() == null ? "" : postgres.password(), postgres.poolSize()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("runtape.store.postgres.url: " + e.getMessage(), e);
        }
    }
}
