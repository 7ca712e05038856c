package dev.runtape.ledger.storage.postgres;

import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.CorruptContentException;
import dev.runtape.ledger.content.DigestCheckingInputStream;
import dev.runtape.ledger.content.StoredContent;
import dev.runtape.ledger.content.StreamedContents;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.FormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contents in the ledger's PostgreSQL database, so every node of a ledger serves what any of them stored (decision
 * 0022). A content is kept as chunks of at most {@value #CHUNK_BYTES} bytes in {@code content_chunk}, keyed by its
 * SHA-256 and the chunk's number: a disclosure is one row, an artifact of hundreds of megabytes is read and written a
 * chunk at a time. Chunks are cut at fixed offsets, so the same bytes always make the same rows, whoever puts them;
 * a put writes a content's chunks in one transaction (whole or nothing), and overwrites a chunk whose stored bytes
 * differ, which repairs a damaged content.
 */
public final class PostgresContentStore implements ContentStore {

    static final int CHUNK_BYTES = 1 << 20;

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS content_chunk (
                digest BYTEA   NOT NULL,
                chunk  INTEGER NOT NULL CHECK (chunk >= 0),
                bytes  BYTEA   NOT NULL,
                PRIMARY KEY (digest, chunk)
            )""");
    private static final String UPSERT = "INSERT INTO content_chunk (digest, chunk, bytes) VALUES (?, ?, ?) "
            + "ON CONFLICT (digest, chunk) DO UPDATE SET bytes = excluded.bytes "
            + "WHERE content_chunk.bytes <> excluded.bytes";
    private static final String CHUNKS = "SELECT bytes FROM content_chunk WHERE digest = ? ORDER BY chunk";
    private static final String ONE_CHUNK = "SELECT bytes FROM content_chunk WHERE digest = ? AND chunk = ?";

    private final PostgresDatabase database;

    private PostgresContentStore(PostgresDatabase database) {
        this.database = database;
    }

    /** The contents of {@code database}, creating their table when needed. */
    public static PostgresContentStore open(PostgresDatabase database) throws ContentStoreException {
        try {
            database.createSchema(SCHEMA);
        } catch (SQLException e) {
            throw new ContentStoreException("cannot create the content table: " + e.getMessage(), e);
        }
        return new PostgresContentStore(database);
    }

    @Override
    public Digest put(byte[] content) throws ContentStoreException {
        return putAll(List.of(content)).getFirst();
    }

    /** Every content in one transaction, their chunks written in digest order so concurrent puts never deadlock. */
    @Override
    public List<Digest> putAll(List<byte[]> contents) throws ContentStoreException {
        List<Digest> digests = contents.stream().map(Digest::sha256).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> digests.get(i).hex()));
        try {
            database.write(connection -> {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    for (int i : order) {
                        byte[] content = contents.get(i);
                        int chunks = Math.max(1, (content.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
                        for (int chunk = 0; chunk < chunks; chunk++) {
                            int from = chunk * CHUNK_BYTES;
                            setChunk(upsert, digests.get(i), chunk,
                                    Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK_BYTES)));
                            upsert.addBatch();
                        }
                    }
                    upsert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot store " + contents.size() + " contents: " + e.getMessage(), e);
        }
        return digests;
    }

    /** The stream is kept in a temporary file first: its digest, which keys its rows, is known only at its end. */
    @Override
    public StoredContent put(InputStream content, long maxBytes) throws ContentStoreException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be non-negative: " + maxBytes);
        }
        Path staged = null;
        try {
            staged = Files.createTempFile("runtape-content-", ".part");
            MessageDigest sha256 = Digest.newSha256();
            long size = StreamedContents.copyToFile(content, staged, sha256, maxBytes);
            Digest digest = Digest.of(sha256.digest());
            Path file = staged;
            database.write(connection -> {
                writeChunks(connection, digest, file);
                return null;
            });
            return new StoredContent(digest, size);
        } catch (IOException e) {
            throw new ContentStoreException("cannot store a streamed content: " + e, e);
        } catch (SQLException e) {
            throw new ContentStoreException("cannot store a streamed content: " + e.getMessage(), e);
        } catch (FormatException e) {
            throw new IllegalStateException("SHA-256 yields 32 bytes", e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException e) {
                    // a leftover temporary file is harmless: it is never read
                }
            }
        }
    }

    private static void writeChunks(Connection connection, Digest digest, Path file) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
                InputStream in = Files.newInputStream(file)) {
            int chunk = 0;
            byte[] bytes;
            do {
                bytes = in.readNBytes(CHUNK_BYTES);
                if (bytes.length > 0 || chunk == 0) {
                    setChunk(upsert, digest, chunk++, bytes);
                    // One row at a time: an artifact's chunks are never all in memory together.
                    upsert.executeUpdate();
                }
            } while (bytes.length == CHUNK_BYTES);
        } catch (IOException e) {
            throw new SQLException("cannot read the staged content back: " + e, e);
        }
    }

    private static void setChunk(PreparedStatement upsert, Digest digest, int chunk, byte[] bytes)
            throws SQLException {
        upsert.setBytes(1, digest.bytes());
        upsert.setInt(2, chunk);
        upsert.setBytes(3, bytes);
    }

    @Override
    public Optional<byte[]> get(Digest digest) throws ContentStoreException {
        Optional<byte[]> bytes;
        try {
            bytes = database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(CHUNKS)) {
                    select.setBytes(1, digest.bytes());
                    try (ResultSet rows = select.executeQuery()) {
                        ByteArrayOutputStream whole = new ByteArrayOutputStream();
                        boolean any = false;
                        while (rows.next()) {
                            whole.writeBytes(rows.getBytes(1));
                            any = true;
                        }
                        return any ? Optional.of(whole.toByteArray()) : Optional.<byte[]>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot read " + digest.hex() + ": " + e.getMessage(), e);
        }
        if (bytes.isPresent()) {
            Digest actual = Digest.sha256(bytes.get());
            if (!actual.equals(digest)) {
                throw new CorruptContentException(digest, actual);
            }
        }
        return bytes;
    }

    /** Every content in one query (the digests as one array), each checked against its digest. */
    @Override
    public Map<Digest, byte[]> getAll(Collection<Digest> digests) throws ContentStoreException {
        List<Digest> distinct = List.copyOf(new LinkedHashSet<>(digests));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        Map<Digest, ByteArrayOutputStream> wholes;
        try {
            wholes = database.read(connection -> {
                Map<ByteBuffer, Digest> asked = new HashMap<>(); // a row names its digest by its bytes
                byte[][] keys = new byte[distinct.size()][];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = distinct.get(i).bytes();
                    asked.put(ByteBuffer.wrap(keys[i]), distinct.get(i));
                }
                Map<Digest, ByteArrayOutputStream> found = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT digest, bytes FROM content_chunk "
                        + "WHERE digest = ANY (?) ORDER BY digest, chunk")) {
                    select.setArray(1, connection.createArrayOf("bytea", keys));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Digest digest = asked.get(ByteBuffer.wrap(rows.getBytes(1)));
                            found.computeIfAbsent(digest, d -> new ByteArrayOutputStream())
                                    .writeBytes(rows.getBytes(2));
                        }
                    }
                }
                return found;
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot read " + distinct.size() + " contents: " + e.getMessage(), e);
        }
        Map<Digest, byte[]> contents = new HashMap<>();
        for (Map.Entry<Digest, ByteArrayOutputStream> whole : wholes.entrySet()) {
            byte[] bytes = whole.getValue().toByteArray();
            Digest actual = Digest.sha256(bytes);
            if (!actual.equals(whole.getKey())) {
                throw new CorruptContentException(whole.getKey(), actual);
            }
            contents.put(whole.getKey(), bytes);
        }
        return contents;
    }

    /** Chunk by chunk, each read when the one before is used up; the digest is checked at the end. */
    @Override
    public Optional<InputStream> open(Digest digest) throws ContentStoreException {
        Optional<byte[]> first = chunk(digest, 0);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Enumeration<InputStream> chunks = new Enumeration<>() {
            private int next = 0;
            private Optional<byte[]> pending = first;

            @Override
            public boolean hasMoreElements() {
                if (pending == null) {
                    try {
                        pending = chunk(digest, next);
                    } catch (ContentStoreException e) {
                        throw new UncheckedIOException(new IOException(e.getMessage(), e));
                    }
                }
                return pending.isPresent();
            }

            @Override
            public InputStream nextElement() {
                hasMoreElements();
                byte[] bytes = pending.orElseThrow();
                pending = null;
                next++;
                return new ByteArrayInputStream(bytes);
            }
        };
        return Optional.of(new DigestCheckingInputStream(new SequenceInputStream(chunks), digest));
    }

    private Optional<byte[]> chunk(Digest digest, int chunk) throws ContentStoreException {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(ONE_CHUNK)) {
                    select.setBytes(1, digest.bytes());
                    select.setInt(2, chunk);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot read " + digest.hex() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(Digest digest) throws ContentStoreException {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM content_chunk WHERE digest = ? AND chunk = 0")) {
                    select.setBytes(1, digest.bytes());
                    try (ResultSet row = select.executeQuery()) {
                        return row.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot look up " + digest.hex() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(Digest digest) throws ContentStoreException {
        try {
            return database.write(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM content_chunk WHERE digest = ?")) {
                    delete.setBytes(1, digest.bytes());
                    return delete.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot delete " + digest.hex() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresContentStore";
    }
}
