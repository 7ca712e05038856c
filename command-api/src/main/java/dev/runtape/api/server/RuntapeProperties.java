package dev.runtape.api.server;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's settings, under {@code runtape.} in {@code application.yaml}, the environment ({@code RUNTAPE_DATA})
 * or flags ({@code --runtape.data=...}), in Spring Boot's usual order.
 *
 * @param data the data directory: keys, content store, the SQLite log, API keys
 * @param store where the log and the Merkle tree live
 * @param limits the largest request bodies and artifacts accepted
 * @param checkpoints when the integrator signs a checkpoint
 * @param cluster whether this node shares its ledger with other nodes, and how
 * @param search where the search index lives
 * @param adminApiKeyFile a file holding the first admin API key ({@code rtk_<12 hex>_<43+ base64url>}, a secret of the
 *     deployment), used when the ledger has no API keys yet instead of making one
 */
@ConfigurationProperties("runtape")
public record RuntapeProperties(@DefaultValue("./data") Path data, @DefaultValue Store store,
        @DefaultValue Limits limits, @DefaultValue Checkpoints checkpoints, @DefaultValue Cluster cluster,
        @DefaultValue Search search, @Nullable Path adminApiKeyFile) {

    /**
     * The log's store: {@code sqlite} (the embedded default, {@code <data>/ledger.db}), {@code postgres} or
     * {@code kurrentdb}.
     */
    public record Store(@DefaultValue("sqlite") String kind, @DefaultValue Postgres postgres,
            @DefaultValue Kurrentdb kurrentdb) {
    }

    /** A PostgreSQL database: {@code runtape.store.kind=postgres} and its JDBC URL are all it takes. */
    public record Postgres(@Nullable String url, @DefaultValue("runtape") String user, @Nullable String password,
            @DefaultValue("16") int poolSize) {
    }

    /**
     * A KurrentDB server for the log ({@code runtape.store.kind=kurrentdb} and its connection string are all it
     * takes); the Merkle tree in the PostgreSQL database of {@code runtape.store.postgres} when its URL is set (what
     * nodes sharing the log need), else in {@code <data>/tree.db}.
     *
     * @param namespace the prefix of the log's streams on the server, so several ledgers can share one
     */
    public record Kurrentdb(@Nullable String connectionString, @DefaultValue("runtape") String namespace) {
    }

    /**
     * Nodes sharing one ledger (decision 0022): {@code enabled} keeps the ledger's keys, the producers'
     * registrations, the API keys and the contents in the store's PostgreSQL database, the signing keys sealed with
     * the key in {@code sealingKeyFile} (32 random bytes in base64, the same file for every node).
     *
     * @param refreshInterval how often a node takes on the keys other nodes changed
     */
    public record Cluster(@DefaultValue("false") boolean enabled, @Nullable Path sealingKeyFile,
            @DefaultValue("2s") Duration refreshInterval) {
    }

    /**
     * The search index: {@code lucene} (the embedded default, {@code <data>/search/}) or {@code elasticsearch}, at
     * {@code elasticsearch.url} in the index {@code elasticsearch.index}.
     */
    public record Search(@DefaultValue("lucene") String kind, @DefaultValue Elasticsearch elasticsearch) {
    }

    /** An Elasticsearch cluster, reached at {@code url} (say {@code http://localhost:9200}). */
    public record Elasticsearch(@Nullable String url, @DefaultValue("runtape-trajectories") String index) {
    }

    /**
     * @param body the largest JSON or CBOR request body
     * @param artifact the largest artifact upload
     * @param stepsPerBatch the most steps in one {@code POST .../steps}
     * @param importFile the largest trajectory file {@code POST /imports} takes (it is read whole)
     * @param importLine the longest line in such a file
     */
    public record Limits(@DefaultValue("4MB") DataSize body, @DefaultValue("256MB") DataSize artifact,
            @DefaultValue("1000") int stepsPerBatch, @DefaultValue("64MB") DataSize importFile,
            @DefaultValue("16MB") DataSize importLine) {
    }

    /** A checkpoint after {@code everyLeaves} new statements, or {@code everyInterval} after the last with new ones. */
    public record Checkpoints(@DefaultValue("1000") int everyLeaves, @DefaultValue("1s") Duration everyInterval) {
    }
}
