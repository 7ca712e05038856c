package dev.runtape.ledger.node;

import dev.runtape.ledger.keys.KeyFileException;
import dev.runtape.ledger.keys.KeyFiles;
import dev.runtape.ledger.keys.KeySetFile;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The keys of a node in its data directory: the primary signing key as a PKCS#8 file readable only by its owner, the
 * ledger's public keys and the producers' public keys as key set files (keys.cddl). On first start a new Ed25519 key
 * is generated and becomes the primary.
 */
public final class KeyDirectory {

    static final String SIGNING_KEY = "ledger-signing-key.pem";
    static final String LEDGER_KEYS = "ledger-keys.cbor";
    static final String PRODUCER_KEYS = "producer-keys.cbor";

    private final Path directory;

    private KeyDirectory(Path directory) {
        this.directory = directory;
    }

    public static KeyDirectory in(Path directory) {
        return new KeyDirectory(directory);
    }

    /** Whether the directory holds no ledger key yet: the next {@link #ledgerKeys} generates one. */
    public boolean isNew() {
        return !Files.exists(directory.resolve(SIGNING_KEY));
    }

    /** The ledger's key ring, generating and writing a first key when there is none. */
    public LedgerKeyRing ledgerKeys(Clock clock) throws KeyFileException {
        Path keyFile = directory.resolve(SIGNING_KEY);
        Path keySet = directory.resolve(LEDGER_KEYS);
        if (!Files.exists(keyFile)) {
            createDirectory();
            SigningKey first = Ed25519SigningKey.generate(new SecureRandom());
            LedgerKeyRing ring = LedgerKeyRing.create(first, clock.instant());
            // The public key set first: a crash between the two writes leaves no private key without its record.
            KeySetFile.write(keySet, ring.records());
            KeyFiles.writePkcs8Pem(first, keyFile);
            return ring;
        }
        SigningKey primary = KeyFiles.read(keyFile);
        try {
            return LedgerKeyRing.restore(KeySetFile.read(keySet), primary);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(keySet + " does not fit " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** The producers' registered public keys; none when the file does not exist yet. */
    public ProducerKeyRegistry producerKeys() throws KeyFileException {
        Path file = directory.resolve(PRODUCER_KEYS);
        return Files.exists(file) ? ProducerKeyRegistry.of(KeySetFile.read(file)) : ProducerKeyRegistry.empty();
    }

    /** Writes the producers' keys back after a registration or a revocation. */
    public void saveProducerKeys(ProducerKeyRegistry producers) throws KeyFileException {
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
