package dev.runtape.ledger.node;

import dev.runtape.ledger.axon.CodecReader;
import dev.runtape.ledger.axon.LedgerConfiguration;
import dev.runtape.ledger.axon.LedgerEventStorageEngine;
import dev.runtape.ledger.axon.SigningMint;
import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.local.LocalDirectoryContentStore;
import dev.runtape.ledger.integrator.Integrator;
import dev.runtape.ledger.integrator.ProofService;
import dev.runtape.ledger.integrator.TreeStore;
import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.statement.Disclosures;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.storage.kurrent.KurrentEventLog;
import dev.runtape.ledger.storage.postgres.PostgresDatabase;
import dev.runtape.ledger.storage.postgres.PostgresEventLog;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;

/**
 * A running ledger node: its log and Merkle tree on the configured store, its content store and keys under the data
 * directory, the domain on Axon over the ledger's storage engine, and the integrator following the log. Closing it
 * stops everything in the reverse order of starting.
 */
public final class LedgerNode implements AutoCloseable {

    private final NodeSettings settings;
    private final EventLog log;
    private final ContentStore content;
    private final LedgerKeyRing keys;
    private final ProducerKeyRegistry producers;
    private final Integrator integrator;
    private final ProofService proofs;
    private final Configuration axon;
    private final boolean firstStart;
    private final KeyDirectory keyDirectory;
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
        this.keyDirectory = parts.keyDirectory;
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
     * Makes {@code newKey} the ledger's signing key from {@code at} on and keeps it in the data directory. Statements
     * are signed with it at once; checkpoints and receipts from the next start on.
     */
    public void rotateLedgerKey(SigningKey newKey, Instant at) throws KeyFileException {
        keyDirectory.rotate(keys, newKey, at);
    }

    /** Revokes a ledger key that is no longer the primary, from {@code effectiveAt} on, and keeps the revocation. */
    public void revokeLedgerKey(Digest kid, Instant effectiveAt) throws KeyFileException {
        keyDirectory.revoke(keys, kid, effectiveAt);
    }

    /** Registers a producer's public key to its principal and keeps the registration. */
    public KeyRecord registerProducerKey(String principal, VerificationKey key, Instant validFrom)
            throws KeyFileException {
        KeyRecord record = producers.register(principal, key, validFrom);
        keyDirectory.saveProducerKeys(producers);
        return record;
    }

    /** Revokes a producer's key from {@code effectiveAt} on and keeps the revocation. */
    public KeyRecord revokeProducerKey(Digest kid, Instant effectiveAt) throws KeyFileException {
        KeyRecord record = producers.revoke(kid, effectiveAt);
        keyDirectory.saveProducerKeys(producers);
        return record;
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
        private KeyDirectory keyDirectory;

        Builder(NodeSettings settings) {
            this.settings = settings;
        }

        void build() throws NodeStartException {
            try {
                Files.createDirectories(settings.dataDirectory());
            } catch (IOException e) {
                throw new NodeStartException("the data directory " + settings.dataDirectory(), e);
            }
            keyDirectory = KeyDirectory.in(settings.keyDirectory());
            firstStart = keyDirectory.isNew();
            try {
                keys = keyDirectory.ledgerKeys(clock);
                producers = keyDirectory.producerKeys();
            } catch (KeyFileException e) {
                throw new NodeStartException("the keys in " + settings.keyDirectory(), e);
            }
            try {
                // Disclosures in a database (one durable write per request), streamed artifacts as files.
                SqliteContentStore database = SqliteContentStore.open(settings.contentDatabase(),
                        LocalDirectoryContentStore.open(settings.contentDirectory()));
                toClose.push(database);
                content = database;
            } catch (ContentStoreException e) {
                throw new NodeStartException("the content store in " + settings.contentDatabase() + " and "
                        + settings.contentDirectory(), e);
            }
            openStore();
            integrator = new Integrator(log, tree, new CheckpointSigner(keys.primary()), settings.integrator(), clock);
            toClose.push(integrator);
            proofs = new ProofService(tree, new ReceiptIssuer(keys.primary(), settings.integrator().origin()));
            LedgerEventStorageEngine engine = new LedgerEventStorageEngine(log,
                    new SigningMint(keys, new StatementChecker(producers), clock), new CodecReader(),
                    settings.engine());
            axon = LedgerConfiguration.configurer(engine, log).buildConfiguration();
            axon.start();
            toClose.push(axon::shutdown);
            integrator.start();
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
                    PostgresDatabase database = PostgresDatabase.connect(postgres.jdbcUrl(), postgres.user(),
                            postgres.password(), postgres.poolSize());
                    toClose.push(database);
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
