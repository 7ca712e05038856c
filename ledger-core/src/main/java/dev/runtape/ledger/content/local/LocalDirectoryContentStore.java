package dev.runtape.ledger.content.local;

import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.CorruptContentException;
import dev.runtape.ledger.content.DigestCheckingInputStream;
import dev.runtape.ledger.content.StoredContent;
import dev.runtape.ledger.content.StreamedContents;
import dev.runtape.ledger.internal.AtomicFiles;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ContentStore} in a directory: each content is one file named by the hex of its digest, under two levels
 * of fan-out directories by the digest's first bytes ({@code ab/cd/abcd...}), so that no directory grows past a few
 * thousand entries. Files are written to {@code tmp/}, forced to disk and renamed into place, so a crash leaves a
 * content whole or absent; a temporary file a crash left behind is never read and can be deleted.
 */
public final class LocalDirectoryContentStore implements ContentStore {

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path temp;

    private LocalDirectoryContentStore(Path root) {
        this.root = root;
        this.temp = root.resolve("tmp");
    }

    /** The store in {@code directory}, created if it does not exist. */
    public static LocalDirectoryContentStore open(Path directory) throws ContentStoreException {
        Path root = directory.toAbsolutePath();
        try {
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new ContentStoreException("cannot create the content store at " + root + ": " + e.getMessage(), e);
        }
        return new LocalDirectoryContentStore(root);
    }

    /** The directory the store lives in. */
    public Path root() {
        return root;
    }

    /** Where the content with this digest is kept. */
    Path pathOf(Digest digest) {
        String hex = digest.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    @Override
    public Digest put(byte[] content) throws ContentStoreException {
        Digest digest = Digest.sha256(content);
        Path target = pathOf(digest);
        if (alreadyHeld(target, digest, content.length)) {
            return digest;
        }
        @Nullable Path file = null;
        try {
            file = AtomicFiles.createTemp(temp, false);
            AtomicFiles.writeForced(file, content);
            moveIntoPlace(file, target);
            return digest;
        } catch (IOException e) {
            throw failure("store content " + digest.hex(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public StoredContent put(InputStream content, long maxBytes) throws ContentStoreException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be non-negative: " + maxBytes);
        }
        @Nullable Path file = null;
        try {
            file = AtomicFiles.createTemp(temp, false);
            MessageDigest sha256 = Digest.newSha256();
            long size = StreamedContents.copyToFile(content, file, sha256, maxBytes);
            Digest digest = digestOf(sha256);
            Path target = pathOf(digest);
            if (!alreadyHeld(target, digest, size)) {
                AtomicFiles.force(file);
                moveIntoPlace(file, target);
            }
            return new StoredContent(digest, size);
        } catch (IOException e) {
            throw failure("store a streamed content", e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public Optional<byte[]> get(Digest digest) throws ContentStoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pathOf(digest));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read content " + digest.hex(), e);
        }
        Digest actual = Digest.sha256(bytes);
        if (!actual.equals(digest)) {
            throw new CorruptContentException(digest, actual);
        }
        return Optional.of(bytes);
    }

    @Override
    public Optional<InputStream> open(Digest digest) throws ContentStoreException {
        try {
            return Optional.of(new DigestCheckingInputStream(Files.newInputStream(pathOf(digest)), digest));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("open content " + digest.hex(), e);
        }
    }

    @Override
    public boolean contains(Digest digest) {
        return Files.isRegularFile(pathOf(digest));
    }

    @Override
    public boolean delete(Digest digest) throws ContentStoreException {
        Path file = pathOf(digest);
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                // Redaction must survive a crash as surely as a put does.
                AtomicFiles.forceDirectory(file.getParent());
            }
            return deleted;
        } catch (IOException e) {
            throw failure("delete content " + digest.hex(), e);
        }
    }

    /**
     * Whether the target holds the content already, whole and undamaged: identical content is stored once, and a put
     * of a content whose file was damaged repairs it. The size is compared first, as it costs no read.
     */
    private static boolean alreadyHeld(Path target, Digest digest, long size) {
        try {
            if (Files.size(target) != size) {
                return false;
            }
            MessageDigest sha256 = Digest.newSha256();
            try (InputStream in = Files.newInputStream(target)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha256.update(buffer, 0, n);
                }
            }
            return digestOf(sha256).equals(digest);
        } catch (IOException e) {
            return false;
        }
    }

    private static void moveIntoPlace(Path file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        AtomicFiles.moveIntoPlace(file, target, true);
    }

    private static Digest digestOf(MessageDigest sha256) {
        try {
            return Digest.of(sha256.digest());
        } catch (FormatException e) {
            throw new IllegalStateException("SHA-256 yields 32 bytes", e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless: it is never read
        }
    }

    private ContentStoreException failure(String what, IOException cause) {
        return new ContentStoreException("content store " + root + ": cannot " + what + ": " + cause, cause);
    }

    @Override
    public String toString() {
        return "LocalDirectoryContentStore[" + root + "]";
    }
}
