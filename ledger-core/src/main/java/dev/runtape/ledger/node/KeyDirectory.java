package dev.runtape.ledger.node;

import dev.runtape.ledger.cluster.SharedKeys;
import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeySetFile;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import dev.runtape.verifier.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The keys of a node in its data directory: each ledger signing key as a PKCS#8 file readable only by its owner, named
 * by its key id; the ledger's public keys and the producers' public keys as key set files (keys.cddl). The primary is
 * the unrevoked key made valid last. On first start a new Ed25519 key is generated and becomes the primary; a key
 * from a PKCS#8 or PKCS#12 file can be rotated in.
 */
public final class KeyDirectory implements SharedKeys.ImportSource {

    static final String SIGNING_KEY_PREFIX = "ledger-signing-key-";
    static final String LEDGER_KEYS = "ledger-keys.cbor";
    static final String PRODUCER_KEYS = "producer-keys.cbor";

    private final Path directory;
    private boolean createdFirstKey;

    private KeyDirectory(Path directory) {
        this.directory = directory;
    }

    public static KeyDirectory in(Path directory) {
        return new KeyDirectory(directory);
    }

    /** Whether the directory holds no ledger key yet: the next {@link #ledgerKeys} generates one. */
    public boolean isNew() {
        return !Files.exists(directory.resolve(LEDGER_KEYS));
    }

    /** The file of the ledger signing key with this key id. */
    public Path signingKeyFile(Digest kid) {
        return directory.resolve(SIGNING_KEY_PREFIX + kid.hex().substring(0, 16) + ".pem");
    }

    /** The ledger's key ring, generating and writing a first key when there is none. */
    @Override
    public LedgerKeyRing ledgerKeys(Clock clock) throws KeyFileException {
        Path keySet = directory.resolve(LEDGER_KEYS);
        if (!Files.exists(keySet)) {
            createDirectory();
            SigningKey first = Ed25519SigningKey.generate(new SecureRandom());
            LedgerKeyRing ring = LedgerKeyRing.create(first, clock.instant());
            // The private key first: the key set names the primary, so it must never name a key without its file.
            KeyFiles.writePkcs8Pem(first, signingKeyFile(first.verificationKey().thumbprint()));
            KeySetFile.write(keySet, ring.records());
            createdFirstKey = true;
            return ring;
        }
        List<KeyRecord> records = KeySetFile.read(keySet);
        KeyRecord primary = LedgerKeyRing.primaryOf(records).orElseThrow(() ->
                new KeyFileException(keySet + " has no unrevoked key to sign with"));
        Path keyFile = signingKeyFile(primary.kid());
        try {
            return LedgerKeyRing.restore(records, KeyFiles.read(keyFile));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(keySet + " does not fit " + keyFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean createdFirstKey() {
        return createdFirstKey;
    }

    /**
     * Makes {@code newKey} the ledger's primary from {@code at} on, and keeps it: its private key in a file of its
     * own, the key set with the new record. The old keys stay in the set, so what they signed keeps verifying.
     */
    @Override
    public void rotate(LedgerKeyRing ring, SigningKey newKey, Instant at) throws KeyFileException {
        KeyFiles.writePkcs8Pem(newKey, signingKeyFile(newKey.verificationKey().thumbprint()));
        ring.rotate(newKey, at);
        KeySetFile.write(directory.resolve(LEDGER_KEYS), ring.records());
    }

    /** Revokes a ledger key from {@code effectiveAt} on, and keeps the revocation in the key set. */
    @Override
    public void revoke(LedgerKeyRing ring, Digest kid, Instant effectiveAt) throws KeyFileException {
        ring.revoke(kid, effectiveAt);
        KeySetFile.write(directory.resolve(LEDGER_KEYS), ring.records());
    }

    /** The producers' registered public keys; none when the file does not exist yet. */
    @Override
    public ProducerKeyRegistry producerKeys() throws KeyFileException {
        Path file = directory.resolve(PRODUCER_KEYS);
        return Files.exists(file) ? ProducerKeyRegistry.of(KeySetFile.read(file)) : ProducerKeyRegistry.empty();
    }

    @Override
    public KeyRecord register(ProducerKeyRegistry producers, String principal, VerificationKey key,
            Instant validFrom) throws KeyFileException {
        KeyRecord record = producers.register(principal, key, validFrom);
        saveProducerKeys(producers);
        return record;
    }

    @Override
    public KeyRecord revokeProducerKey(ProducerKeyRegistry producers, Digest kid, Instant effectiveAt)
            throws KeyFileException {
        KeyRecord record = producers.revoke(kid, effectiveAt);
        saveProducerKeys(producers);
        return record;
    }

    /** Only this node changes its directory: there is nothing to catch up with. */
    @Override
    public boolean refresh(LedgerKeyRing ring, ProducerKeyRegistry producers) {
        return false;
    }

    @Override
    public boolean hasLedgerKeys() {
        return !isNew();
    }

    @Override
    public Optional<SigningKey> signingKey(Digest kid) throws KeyFileException {
        Path file = signingKeyFile(kid);
        return Files.exists(file) ? Optional.of(KeyFiles.read(file)) : Optional.empty();
    }

    /** Writes the producers' keys back after a registration or a revocation. */
    private void saveProducerKeys(ProducerKeyRegistry producers) throws KeyFileException {
        createDirectory();
        KeySetFile.write(directory.resolve(PRODUCER_KEYS), List.copyOf(producers.records()));
    }

    private void createDirectory() throws KeyFileException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new KeyFileException("cannot create the key directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
