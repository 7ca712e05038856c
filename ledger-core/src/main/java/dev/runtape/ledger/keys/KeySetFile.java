package dev.runtape.ledger.keys;

import dev.runtape.ledger.internal.AtomicFiles;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A key set kept in a file, as {@link KeySetCodec} encodes it: the ledger's keys in one file, the producers' in
 * another. Written whole or not at all. A key set holds at least one key, so a set with none is no file: writing an
 * empty set deletes the file, and reading a missing file gives no keys.
 */
public final class KeySetFile {

    private KeySetFile() {
    }

    /**
     * The records in {@code file}; none when it does not exist.
     *
     * @throws KeyFileException if it cannot be read or is not a key set
     */
    public static List<KeyRecord> read(Path file) throws KeyFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new KeyFileException("key set " + file + ": cannot read: " + e, e);
        }
        try {
            return KeySetCodec.decode(bytes);
        } catch (FormatException e) {
            throw new KeyFileException("key set " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code file} with the key set of {@code records}, or deletes it when there are none. */
    public static void write(Path file, List<KeyRecord> records) throws KeyFileException {
        try {
            if (records.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                AtomicFiles.write(file, KeySetCodec.encode(records), false);
            }
        } catch (IOException e) {
            throw new KeyFileException("key set " + file + ": cannot write: " + e, e);
        }
    }
}
