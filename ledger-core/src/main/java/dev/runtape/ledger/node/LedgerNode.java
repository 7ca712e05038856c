package dev.runtape.ledger.node;

import dev.runtape.ledger.axon.CodecReader;
import dev.runtape.ledger.axon.LedgerConfiguration;
import dev.runtape.ledger.axon.LedgerEventStorageEngine;
import dev.runtape.ledger.axon.SigningMint;
import dev.runtape.ledger.cluster.KeySeal;
import dev.runtape.ledger.cluster.SharedDocuments;
import dev.runtape.ledger.cluster.SharedKeys;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.local.LocalDirectoryContentStore;
import dev.runtape.ledger.integrator.Integrator;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.integrator.TreeStore;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeyStorage;
import dev.runtape.ledger.keys.KeyStorageException;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.storage.kurrent.KurrentEventLog;
import dev.runtape.ledger.storage.postgres.PostgresContentStore;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
import dev.runtape.ledger.storage.postgres.PostgresSharedDocuments;
import dev.runtape.ledger.storage.postgres.PostgresTreeStore;
import dev.runtape.ledger.storage.sqlite.SqliteContentStore;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.ledger.storage.sqlite.SqliteTreeStore;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import dev.runtape.verifier.receipt.ReceiptIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;

/**
 * A running ledger node: its log and Merkle tree on the configured store, its content store and keys under the data
 * directory (or, for a node sharing the ledger with others, in the store's PostgreSQL database: decision 0022), the
 * domain on Axon over the ledger's storage engine, and the integrator following the log. Checkpoints, receipts and
 * statements are signed with the ledger's primary key of the moment. Closing it stops everything in the reverse
 * order of starting.
 */
public final class LedgerNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LedgerNode.class.getName());

    private final NodeSettings settings;
    private final EventLog log;
    private final ContentStore content;
    private final LedgerKeyRing keys;
    private final ProducerKeyRegistry producers;
    private final Integrator integrator;
    private final ProofService proofs;
    private final Configuration axon;
    private final boolean firstStart;
    private final KeyStorage keyStorage;
    private final @Nullable SharedDocuments shared;
    private final Deque<AutoCloseable> toClose;

    private LedgerNode(Builder parts) {
        this.settings = parts.settings;
        this.log = parts.log;
        this.content = parts.content;
        this.keys = parts.keys;
        this.producers = parts.producers;
        this.integrator = parts.integrator;
        this.proofs = parts.proofs;
        this.axon = parts.axon;
        this.firstStart = parts.firstStart;
        this.keyStorage = parts.keyStorage;
        this.shared = parts.shared;
        this.toClose = parts.toClose;
    }

    /**
     * Starts a node: opens (or creates) everything under the data directory and on the store, starts Axon and the
     * integrator.
     *
     * @throws NodeStartException naming the part that could not start; whatever had started is closed again
     */
    public static LedgerNode start(NodeSettings settings) throws NodeStartException {
        Builder parts = new Builder(settings);
        try {
            parts.build();
            return new LedgerNode(parts);
        } catch (NodeStartException | RuntimeException e) {
            parts.closeAll(e);
            throw e;
        }
    }

    public NodeSettings settings() {
        return settings;
    }

    /** Whether this start created the ledger's first key: a new ledger. */
    public boolean firstStart() {
        return firstStart;
    }

    public EventLog log() {
        return log;
    }

    public ContentStore content() {
        return content;
    }

    /** Salted disclosures in this node's content store. */
    public Disclosures disclosures() {
        return new Disclosures(content, new SecureRandom());
    }

    public LedgerKeyRing keys() {
        return keys;
    }

    public ProducerKeyRegistry producers() {
        return producers;
    }

    /**
     * Makes {@code newKey} the ledger's signing key from {@code at} on and keeps it. This node signs statements,
     * checkpoints and receipts with it at once; other nodes of the ledger from their next refresh.
     */
    public void rotateLedgerKey(SigningKey newKey, Instant at) throws KeyStorageException {
        keyStorage.rotate(keys, newKey, at);
    }

    /** Revokes a ledger key that is no longer the primary, from {@code effectiveAt} on, and keeps the revocation. */
    public void revokeLedgerKey(Digest kid, Instant effectiveAt) throws KeyStorageException {
        keyStorage.revoke(keys, kid, effectiveAt);
    }

    /** Registers a producer's public key to its principal and keeps the registration. */
    public KeyRecord registerProducerKey(String principal, VerificationKey key, Instant validFrom)
            throws KeyStorageException {
        return keyStorage.register(producers, principal, key, validFrom);
    }

    /** Revokes a producer's key from {@code effectiveAt} on and keeps the revocation. */
    public KeyRecord revokeProducerKey(Digest kid, Instant effectiveAt) throws KeyStorageException {
        return keyStorage.revokeProducerKey(producers, kid, effectiveAt);
    }

    /**
     * Takes on the keys and registrations other nodes of the ledger changed, now rather than at the next scheduled
     * refresh; nothing to do for a node on its own.
     *
     * @return whether anything changed
     */
    public boolean refreshSharedState() throws KeyStorageException {
        return keyStorage.refresh(keys, producers);
    }

    /** The documents this node shares with the other nodes of its ledger; empty for a node on its own. */
    public Optional<SharedDocuments> sharedDocuments() {
        return Optional.ofNullable(shared);
    }

    public Integrator integrator() {
        return integrator;
    }

    public ProofService proofs() {
        return proofs;
    }

    public Configuration axon() {
        return axon;
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("could not close the node cleanly", e) : failure;
                if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The parts as they start, and what to close, newest first, when a later part fails. */
    private static final class Builder {

        private final NodeSettings settings;
        private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
        private final Clock clock = Clock.systemUTC();
        private EventLog log;
        private TreeStore tree;
        private ContentStore content;
        private LedgerKeyRing keys;
        private ProducerKeyRegistry producers;
        private Integrator integrator;
        private ProofService proofs;
        private Configuration axon;
        private boolean firstStart;
        private KeyStorage keyStorage;
        private @Nullable PostgresDatabase sharedDatabase;
        private @Nullable SharedDocuments shared;

        Builder(NodeSettings settings) {
            this.settings = settings;
        }

        void build() throws NodeStartException {
            try {
                Files.createDirectories(settings.dataDirectory());
            } catch (IOException e) {
                throw new NodeStartException("the data directory " + settings.dataDirectory(), e);
            }
            openStore();
            openKeys();
            openContent();
            // The signers take the primary of the moment, so a rotation counts for checkpoints and receipts at once.
            integrator = new Integrator(log, tree, this::checkpointSigner, settings.integrator(), clock);
            toClose.push(integrator);
            proofs = new ProofService(tree, () -> new ReceiptIssuer(keys.primary(), settings.integrator().origin()));
            LedgerEventStorageEngine engine = new LedgerEventStorageEngine(log,
                    new SigningMint(keys, new StatementChecker(producers), clock), new CodecReader(),
                    settings.engine());
            axon = LedgerConfiguration.configurer(engine, log).buildConfiguration();
            axon.start();
            toClose.push(axon::shutdown);
            integrator.start();
            settings.clusterSettings().ifPresent(cluster -> scheduleRefresh(cluster.refreshEvery().toMillis()));
        }

        /** Before a node sharing the ledger signs a checkpoint it takes on a rotation made elsewhere. */
        private CheckpointSigner checkpointSigner() {
            if (shared != null) {
                refreshQuietly();
            }
            return new CheckpointSigner(keys.primary());
        }

        private void openKeys() throws NodeStartException {
            KeyDirectory directory = KeyDirectory.in(settings.keyDirectory());
            Optional<ClusterSettings> cluster = settings.clusterSettings();
            try {
                if (cluster.isPresent()) {
                    shared = PostgresSharedDocuments.open(Objects.requireNonNull(sharedDatabase));
                    keyStorage = SharedKeys.importing(shared, KeySeal.read(cluster.get().sealingKeyFile()),
                            directory);
                } else {
                    keyStorage = directory;
                }
                keys = keyStorage.ledgerKeys(clock);
                producers = keyStorage.producerKeys();
                firstStart = keyStorage.createdFirstKey();
            } catch (KeyStorageException | RuntimeException e) {
                throw new NodeStartException(cluster.isPresent() ? "the keys shared in the database"
                        : "the keys in " + settings.keyDirectory(), e);
            }
        }

        private void openContent() throws NodeStartException {
            try {
                if (shared != null) {
                    content = PostgresContentStore.open(Objects.requireNonNull(sharedDatabase));
                    return;
                }
                // Disclosures in a database (one durable write per request), streamed artifacts as files.
                SqliteContentStore database = SqliteContentStore.open(settings.contentDatabase(),
                        LocalDirectoryContentStore.open(settings.contentDirectory()));
                toClose.push(database);
                content = database;
            } catch (ContentStoreException e) {
                throw new NodeStartException(shared != null ? "the content store in the database"
                        : "the content store in " + settings.contentDatabase() + " and "
                                + settings.contentDirectory(), e);
            }
        }

        private void scheduleRefresh(long everyMillis) {
            ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "runtape-shared-keys");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(this::refreshQuietly, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
            toClose.push(refresher::shutdownNow);
        }

        /** A refresh that fails is logged and tried again at the next: the node keeps what it had. */
        private void refreshQuietly() {
            try {
                keyStorage.refresh(keys, producers);
            } catch (KeyStorageException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not take on the keys other nodes changed: "
                        + e.getMessage(), e);
            }
        }

        private void openStore() throws NodeStartException {
            switch (settings.store()) {
                case StoreSettings.Sqlite sqlite -> {
                    SqliteDatabase database;
                    try {
                        database = SqliteDatabase.open(sqlite.file());
                    } catch (SQLException e) {
                        throw new NodeStartException("the SQLite database " + sqlite.file(), e);
                    }
                    toClose.push(database);
                    log = SqliteEventLog.open(database);
                    toClose.push(log);
                    tree = SqliteTreeStore.open(database);
                }
                case StoreSettings.Postgres postgres -> {
                    PostgresDatabase database = connect(postgres);
                    log = PostgresEventLog.open(database);
                    toClose.push(log);
                    tree = PostgresTreeStore.open(database);
                }
                case StoreSettings.Kurrent kurrent -> {
                    try {
                        log = KurrentEventLog.open(kurrent.log());
                    } catch (EventLogException e) {
                        throw new NodeStartException("the KurrentDB event log at " + kurrent.log(), e);
                    }
                    toClose.push(log);
                    if (kurrent.treeDatabase() != null) {
                        tree = PostgresTreeStore.open(connect(kurrent.treeDatabase()));
                        return;
                    }
                    SqliteDatabase database;
                    try {
                        database = SqliteDatabase.open(kurrent.treeFile());
                    } catch (SQLException e) {
                        throw new NodeStartException("the SQLite database " + kurrent.treeFile(), e);
                    }
                    toClose.push(database);
                    tree = SqliteTreeStore.open(database);
                }
            }
        }

        /** The store's PostgreSQL database: what nodes sharing the ledger share besides the log. */
        private PostgresDatabase connect(StoreSettings.Postgres postgres) {
            PostgresDatabase database = PostgresDatabase.connect(postgres.jdbcUrl(), postgres.user(),
                    postgres.password(), postgres.poolSize());
            toClose.push(database);
            sharedDatabase = database;
            return database;
        }

        void closeAll(Exception cause) {
            while (!toClose.isEmpty()) {
                try {
                    toClose.pop().close();
                } catch (Exception e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
