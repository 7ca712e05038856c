package dev.runtape.ledger.cluster;

import dev.runtape.ledger.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of a node on its own: one file each in its data directory, named as the document, written whole or
 * not at all and readable by their owner only. Only this process writes them, so the versions it compares are
 * counted in memory: a file found at start is version 1.
 */
public final class DirectoryDocuments implements SharedDocuments {

    private final Path directory;
    private final Map<String, Long> versions = new HashMap<>();

    private DirectoryDocuments(Path directory) {
        this.directory = directory;
    }

    /** The documents in {@code directory}, which is created at the first write. */
    public static DirectoryDocuments in(Path directory) {
        return new DirectoryDocuments(directory);
    }

    @Override
    public synchronized Optional<SharedDocument> read(String name) {
        Path file = file(name);
        try {
            return Optional.of(new SharedDocument(versions.getOrDefault(name, 1L), Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SharedStateException("cannot read " + file + ": " + e, e);
        }
    }

    @Override
    public synchronized boolean replace(String name, long expectedVersion, byte[] bytes) {
        Path file = file(name);
        long current = Files.exists(file) ? versions.getOrDefault(name, 1L) : 0L;
        if (current != expectedVersion) {
            return false;
        }
        try {
            Files.createDirectories(directory);
            AtomicFiles.write(file, bytes, true);
        } catch (IOException e) {
            throw new SharedStateException("cannot write " + file + ": " + e, e);
        }
        versions.put(name, current + 1);
        return true;
    }

    private Path file(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("a document's name is a plain file name, not " + name);
        }
        return directory.resolve(name);
    }
}
