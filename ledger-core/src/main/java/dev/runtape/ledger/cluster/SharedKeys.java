package dev.runtape.ledger.cluster;

import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeySetCodec;
import dev.runtape.ledger.keys.KeyStorage;
import dev.runtape.ledger.keys.KeyStorageException;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ledger's keys and the producers' registrations as documents every node shares (decision 0022):
 * {@value #LEDGER_KEYS} and {@value #PRODUCER_KEYS} hold key sets (keys.cddl), and each ledger signing key is a
 * document of its own, {@value #SIGNING_KEY_PREFIX}{@code <kid>}, its PKCS#8 bytes sealed by {@link KeySeal} and
 * written once.
 *
 * <p>A change reads the newest document, applies itself to a copy, and replaces the document from the version it
 * read; when another node got there first it starts again from what that node wrote, so no change is lost. The
 * ring and the registry in memory take on the result only once it is stored. {@link #refresh} takes on what other
 * nodes changed. As with key files, a new signing key is stored before the key set names it.
 */
public final class SharedKeys implements KeyStorage {

    static final String LEDGER_KEYS = "ledger-keys";
    static final String PRODUCER_KEYS = "producer-keys";
    static final String SIGNING_KEY_PREFIX = "ledger-signing-key/";
    private static final int ATTEMPTS = 16;

    private final SharedDocuments documents;
    private final KeySeal seal;
    private final Optional<ImportSource> importFrom;
    private volatile long ledgerVersion;
    private volatile long producerVersion;
    private boolean createdFirstKey;

    private SharedKeys(SharedDocuments documents, KeySeal seal, Optional<ImportSource> importFrom) {
        this.documents = documents;
        this.seal = seal;
        this.importFrom = importFrom;
    }

    /** The keys in {@code documents}, their signing keys sealed by {@code seal}. */
    public static SharedKeys in(SharedDocuments documents, KeySeal seal) {
        return new SharedKeys(documents, seal, Optional.empty());
    }

    /**
     * As {@link #in}, but a ledger whose documents hold no keys yet takes those of {@code directory} (a node's data
     * directory from before it joined others), instead of a new key, when it has any.
     */
    public static SharedKeys importing(SharedDocuments documents, KeySeal seal, ImportSource directory) {
        return new SharedKeys(documents, seal, Optional.of(directory));
    }

    @Override
    public synchronized LedgerKeyRing ledgerKeys(Clock clock) throws KeyStorageException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SharedDocument> stored = documents.read(LEDGER_KEYS);
            if (stored.isPresent()) {
                ledgerVersion = stored.get().version();
                return ring(stored.get());
            }
            Founding founding = found(clock);
            for (SigningKey key : founding.signingKeys()) {
                storeSigningKey(key);
            }
            if (documents.replace(LEDGER_KEYS, 0, KeySetCodec.encode(founding.ring().records()))) {
                ledgerVersion = 1;
                createdFirstKey = founding.generated();
                return founding.ring();
            }
            // Another node founded the ledger at the same moment: its keys count, read them.
        }
        throw contention(LEDGER_KEYS);
    }

    /** The ring a ledger starts with, and the signing keys to store for it. */
    private record Founding(LedgerKeyRing ring, List<SigningKey> signingKeys, boolean generated) {
    }

    private Founding found(Clock clock) throws KeyStorageException {
        if (importFrom.isPresent() && importFrom.get().hasLedgerKeys()) {
            ImportSource source = importFrom.get();
            LedgerKeyRing ring = source.ledgerKeys(clock);
            List<SigningKey> keys = new ArrayList<>();
            for (KeyRecord record : ring.records()) {
                source.signingKey(record.kid()).ifPresent(keys::add);
            }
            return new Founding(ring, List.copyOf(keys), false);
        }
        SigningKey first = Ed25519SigningKey.generate(new SecureRandom());
        return new Founding(LedgerKeyRing.create(first, clock.instant()), List.of(first), true);
    }

    @Override
    public boolean createdFirstKey() {
        return createdFirstKey;
    }

    @Override
    public synchronized ProducerKeyRegistry producerKeys() throws KeyStorageException {
        Optional<SharedDocument> stored = documents.read(PRODUCER_KEYS);
        if (stored.isEmpty() && importFrom.isPresent()) {
            ProducerKeyRegistry imported = importFrom.get().producerKeys();
            if (!imported.records().isEmpty()) {
                documents.replace(PRODUCER_KEYS, 0, KeySetCodec.encode(imported.records()));
                stored = documents.read(PRODUCER_KEYS);
            }
        }
        producerVersion = stored.map(SharedDocument::version).orElse(0L);
        return stored.isPresent() ? producers(stored.get()) : ProducerKeyRegistry.empty();
    }

    @Override
    public synchronized void rotate(LedgerKeyRing ring, SigningKey newKey, Instant at) throws KeyStorageException {
        storeSigningKey(newKey);
        changeLedgerKeys(ring, copy -> {
            copy.rotate(newKey, at);
            return copy;
        });
    }

    @Override
    public synchronized void revoke(LedgerKeyRing ring, Digest kid, Instant effectiveAt) throws KeyStorageException {
        changeLedgerKeys(ring, copy -> {
            copy.revoke(kid, effectiveAt);
            return copy;
        });
    }

    @Override
    public synchronized KeyRecord register(ProducerKeyRegistry producers, String principal, VerificationKey key,
            Instant validFrom) throws KeyStorageException {
        return changeProducerKeys(producers, copy -> copy.register(principal, key, validFrom));
    }

    @Override
    public synchronized KeyRecord revokeProducerKey(ProducerKeyRegistry producers, Digest kid, Instant effectiveAt)
            throws KeyStorageException {
        return changeProducerKeys(producers, copy -> copy.revoke(kid, effectiveAt));
    }

    @Override
    public synchronized boolean refresh(LedgerKeyRing ring, ProducerKeyRegistry producers)
            throws KeyStorageException {
        boolean changed = false;
        Optional<SharedDocument> ledger = documents.read(LEDGER_KEYS);
        if (ledger.isPresent() && ledger.get().version() != ledgerVersion) {
            ring.adopt(ring(ledger.get()));
            ledgerVersion = ledger.get().version();
            changed = true;
        }
        Optional<SharedDocument> registered = documents.read(PRODUCER_KEYS);
        if (registered.isPresent() && registered.get().version() != producerVersion) {
            producers.adopt(producers(registered.get()));
            producerVersion = registered.get().version();
            changed = true;
        }
        return changed;
    }

    /** A change that may fail as the ring's own methods do. */
    private interface RingChange {
        LedgerKeyRing apply(LedgerKeyRing copy);
    }

    private void changeLedgerKeys(LedgerKeyRing ring, RingChange change) throws KeyStorageException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SharedDocument stored = documents.read(LEDGER_KEYS).orElseThrow(() ->
                    new IllegalStateException("the shared ledger key set is gone"));
            LedgerKeyRing changed = change.apply(ring(stored));
            if (documents.replace(LEDGER_KEYS, stored.version(), KeySetCodec.encode(changed.records()))) {
                ring.adopt(changed);
                ledgerVersion = stored.version() + 1;
                return;
            }
        }
        throw contention(LEDGER_KEYS);
    }

    private KeyRecord changeProducerKeys(ProducerKeyRegistry producers, Function<ProducerKeyRegistry, KeyRecord> change)
            throws KeyStorageException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SharedDocument> stored = documents.read(PRODUCER_KEYS);
            ProducerKeyRegistry copy = stored.isPresent() ? producers(stored.get()) : ProducerKeyRegistry.empty();
            KeyRecord record = change.apply(copy);
            long version = stored.map(SharedDocument::version).orElse(0L);
            if (documents.replace(PRODUCER_KEYS, version, KeySetCodec.encode(copy.records()))) {
                producers.adopt(copy);
                producerVersion = version + 1;
                return record;
            }
        }
        throw contention(PRODUCER_KEYS);
    }

    /** The ring a stored key set describes, its primary's private key unsealed. */
    private LedgerKeyRing ring(SharedDocument stored) throws KeyStorageException {
        List<KeyRecord> records = keySet(LEDGER_KEYS, stored);
        KeyRecord primary = LedgerKeyRing.primaryOf(records).orElseThrow(() ->
                new KeyStorageException("the shared " + LEDGER_KEYS + " have no unrevoked key to sign with"));
        try {
            return LedgerKeyRing.restore(records, signingKey(primary.kid()));
        } catch (IllegalArgumentException e) {
            throw new KeyStorageException("the shared " + LEDGER_KEYS + " do not fit their signing key: "
                    + e.getMessage(), e);
        }
    }

    private ProducerKeyRegistry producers(SharedDocument stored) throws KeyStorageException {
        try {
            return ProducerKeyRegistry.of(keySet(PRODUCER_KEYS, stored));
        } catch (IllegalArgumentException e) {
            throw new KeyStorageException("the shared " + PRODUCER_KEYS + ": " + e.getMessage(), e);
        }
    }

    private static List<KeyRecord> keySet(String name, SharedDocument stored) throws KeyStorageException {
        try {
            return KeySetCodec.decode(stored.bytes());
        } catch (FormatException e) {
            throw new KeyStorageException("the shared " + name + " are not a key set: " + e.getMessage(), e);
        }
    }

    private SigningKey signingKey(Digest kid) throws KeyStorageException {
        SharedDocument sealed = documents.read(SIGNING_KEY_PREFIX + kid.hex()).orElseThrow(() ->
                new KeyStorageException("the signing key " + kid.hex() + " named by the shared " + LEDGER_KEYS
                        + " is not stored"));
        byte[] pkcs8 = seal.open(kid, sealed.bytes());
        try {
            SigningKey key = KeyFiles.decode(pkcs8);
            if (!key.verificationKey().thumbprint().equals(kid)) {
                throw new KeyStorageException("the signing key stored as " + kid.hex() + " is another key");
            }
            return key;
        } catch (FormatException e) {
            throw new KeyStorageException("the signing key " + kid.hex() + " is not a PKCS#8 key: "
                    + e.getMessage(), e);
        }
    }

    /** Stores a signing key, sealed, unless it is stored already: it is written once and never replaced. */
    private void storeSigningKey(SigningKey key) {
        Digest kid = key.verificationKey().thumbprint();
        byte[] pkcs8 = KeyFiles.toPkcs8Pem(key).getBytes(StandardCharsets.US_ASCII);
        documents.replace(SIGNING_KEY_PREFIX + kid.hex(), 0, seal.seal(kid, pkcs8));
    }

    private static KeyStorageException contention(String name) {
        return new KeyStorageException("the shared " + name + " changed under " + ATTEMPTS
                + " attempts in a row: other nodes keep changing them; try again");
    }

    /** A node's own key files, which a ledger's first shared keys may be taken from. */
    public interface ImportSource extends KeyStorage {

        /** Whether it holds a ledger key set (else {@link #ledgerKeys} would make one). */
        boolean hasLedgerKeys();

        /** The private key of the ledger key {@code kid}, if it holds it. */
        Optional<SigningKey> signingKey(Digest kid) throws KeyStorageException;
    }
}
