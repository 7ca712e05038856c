package dev.runtape.ledger.internal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files written whole or not at all: the bytes go to a temporary file in the target's directory, are forced to disk,
 * and the file is renamed over the target; then the directory is forced, so that the rename itself survives a crash.
 * A reader sees the old file or the new one, never a part.
 */
public final class AtomicFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target}, replacing what was there. */
    public static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path temp = createTemp(parentOf(target), ownerOnly);
        try {
            writeForced(temp, bytes);
            moveIntoPlace(temp, target, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes {@code bytes} to {@code target}, which must not exist yet: a key file is never overwritten.
     *
     * @throws java.nio.file.FileAlreadyExistsException if it does
     */
    public static void writeNew(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = createTemp(parentOf(target), ownerOnly);
        try {
            writeForced(temp, bytes);
            moveIntoPlace(temp, target, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty file in {@code directory} for writing before {@link #moveIntoPlace}; readable by its owner only if
     * asked (POSIX 0600 where the file system has POSIX permissions, else the nearest the platform offers).
     */
    public static Path createTemp(Path directory, boolean ownerOnly) throws IOException {
        Files.createDirectories(directory);
        if (ownerOnly && POSIX) {
            FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createTempFile(directory, ".tmp-", "", mode);
        }
        Path temp = Files.createTempFile(directory, ".tmp-", "");
        if (ownerOnly) {
            restrictToOwner(temp);
        }
        return temp;
    }

    /**
     * Renames a written and forced temporary file to {@code target} and forces the directory.
     *
     * @param replace whether an existing target is replaced; if not, an existing target fails the move
     */
    public static void moveIntoPlace(Path temp, Path target, boolean replace) throws IOException {
        if (replace) {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            // Without REPLACE_EXISTING the move refuses an existing target; within a directory it is still a rename.
            Files.move(temp, target);
        }
        forceDirectory(parentOf(target));
    }

    /** Forces the file to disk: its contents and the metadata needed to read them. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (a rename or a deletion in it) to disk. Some platforms cannot open a directory
     * for this (Windows); there the rename is as durable as the file system makes it.
     */
    public static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: nothing more can be done
        }
    }

    /** Writes {@code bytes} over the contents of an existing {@code file} and forces them to disk. */
    public static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void restrictToOwner(Path file) {
        File f = file.toFile();
        // Best effort off POSIX: take access from everyone, then give it back to the owner.
        boolean ok = f.setReadable(false, false) && f.setReadable(true, true)
                && f.setWritable(false, false) && f.setWritable(true, true);
        if (!ok) {
            throw new IllegalStateException("cannot restrict " + file + " to its owner");
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("not a file path: " + target);
        }
        return parent;
    }
}
