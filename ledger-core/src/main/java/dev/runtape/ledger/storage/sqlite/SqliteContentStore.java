package dev.runtape.ledger.storage.sqlite;

import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreException;
import dev.runtape.ledger.content.CorruptContentException;
import dev.runtape.ledger.content.StoredContent;
import dev.runtape.ledger.internal.GroupCommit;
import dev.runtape.verifier.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contents kept in a SQLite database of their own, one row per content under its SHA-256, with the contents that
 * arrive as streams (artifacts, up to hundreds of megabytes) kept by {@code streamed}, a directory store.
 *
 * <p>Why: a capture appends its steps' contents as many small disclosures, and a directory store pays two
 * {@code fsync}s for each (the file, then its directory). Here {@link #putAll} stores a request's contents in one
 * transaction, and puts that arrive together share one commit ({@link GroupCommit}): one durable write for all of
 * them. Reads look in the database first, then in {@code streamed}, so a data directory written by the directory
 * store alone keeps being served.
 */
public final class SqliteContentStore implements ContentStore, AutoCloseable {

    /** The most contents one commit takes. */
    private static final int MAX_GROUP = 4096;
    /** The most digests one query of {@link #getAll} names (SQLite takes at least 999 parameters). */
    private static final int MAX_LOOKUP = 500;

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS content (
                digest BLOB NOT NULL PRIMARY KEY,
                bytes  BLOB NOT NULL
            )""";
    // A damaged row is overwritten by the next put of its content; an intact one is left alone.
    private static final String UPSERT = "INSERT INTO content (digest, bytes) VALUES (?, ?) "
            + "ON CONFLICT (digest) DO UPDATE SET bytes = excluded.bytes WHERE content.bytes <> excluded.bytes";

    private final SqliteDatabase database;
    private final ContentStore streamed;
    private final GroupCommit<List<byte[]>, List<Digest>> commits;

    private SqliteContentStore(SqliteDatabase database, ContentStore streamed) {
        this.database = database;
        this.streamed = streamed;
        this.commits = new GroupCommit<>(this::commit, List::size, MAX_GROUP);
    }

    /** Opens (creating when needed) the database in {@code file}; streamed contents go to {@code streamed}. */
    public static SqliteContentStore open(Path file, ContentStore streamed) throws ContentStoreException {
        try {
            SqliteDatabase database = SqliteDatabase.open(file);
            database.createSchema(List.of(SCHEMA));
            return new SqliteContentStore(database, streamed);
        } catch (SQLException e) {
            throw new ContentStoreException("cannot open the content database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return database.file();
    }

    @Override
    public Digest put(byte[] content) throws ContentStoreException {
        return putAll(List.of(content)).getFirst();
    }

    /** Stores every content in one transaction, shared with puts that arrive meanwhile; one durable write for all. */
    @Override
    public List<Digest> putAll(List<byte[]> contents) throws ContentStoreException {
        if (contents.isEmpty()) {
            return List.of();
        }
        try {
            return commits.submit(List.copyOf(contents));
        } catch (StoreFailure e) {
            throw new ContentStoreException("cannot store " + contents.size() + " contents in " + database.file()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private List<GroupCommit.Outcome<List<Digest>>> commit(List<List<byte[]>> group) {
        try {
            List<List<Digest>> digests = database.write(connection -> {
                List<List<Digest>> all = new ArrayList<>(group.size());
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                    for (List<byte[]> request : group) {
                        List<Digest> mine = new ArrayList<>(request.size());
                        for (byte[] content : request) {
                            Digest digest = Digest.sha256(content);
                            upsert.setBytes(1, digest.bytes());
                            upsert.setBytes(2, content);
                            upsert.addBatch();
                            mine.add(digest);
                        }
                        all.add(mine);
                    }
                    upsert.executeBatch();
                }
                return all;
            });
            return digests.stream().<GroupCommit.Outcome<List<Digest>>>map(GroupCommit.Outcome.Done::new).toList();
        } catch (SQLException e) {
            StoreFailure failure = new StoreFailure(e);
            return group.stream().<GroupCommit.Outcome<List<Digest>>>map(
                    request -> new GroupCommit.Outcome.Refused<>(failure)).toList();
        }
    }

    /** Streams go to the directory store: they may be far larger than a row should be. */
    @Override
    public StoredContent put(InputStream content, long maxBytes) throws ContentStoreException {
        return streamed.put(content, maxBytes);
    }

    @Override
    public Optional<byte[]> get(Digest digest) throws ContentStoreException {
        Optional<byte[]> row = row(digest);
        if (row.isEmpty()) {
            return streamed.get(digest);
        }
        Optional<CorruptContentException> damage = damage(digest, row.get());
        if (damage.isPresent()) {
            throw damage.get();
        }
        return row;
    }

    /**
     * One read transaction for all of them, {@value #MAX_LOOKUP} digests a query; those not in the database, from
     * {@code streamed}.
     */
    @Override
    public Map<Digest, byte[]> getAll(Collection<Digest> digests) throws ContentStoreException {
        List<Digest> distinct = List.copyOf(new LinkedHashSet<>(digests));
        Map<Digest, byte[]> found;
        try {
            found = database.read(connection -> {
                Map<ByteBuffer, Digest> asked = new HashMap<>(); // a row names its digest by its bytes
                for (Digest digest : distinct) {
                    asked.put(ByteBuffer.wrap(digest.bytes()), digest);
                }
                Map<Digest, byte[]> rows = new HashMap<>();
                for (int from = 0; from < distinct.size(); from += MAX_LOOKUP) {
                    List<Digest> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_LOOKUP));
                    try (PreparedStatement select = connection.prepareStatement("SELECT digest, bytes FROM content "
                            + "WHERE digest IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            select.setBytes(i + 1, chunk.get(i).bytes());
                        }
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                rows.put(asked.get(ByteBuffer.wrap(result.getBytes(1))), result.getBytes(2));
                            }
                        }
                    }
                }
                return rows;
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot read " + distinct.size() + " contents: " + e.getMessage(), e);
        }
        for (Map.Entry<Digest, byte[]> row : found.entrySet()) {
            Optional<CorruptContentException> damage = damage(row.getKey(), row.getValue());
            if (damage.isPresent()) {
                throw damage.get();
            }
        }
        for (Digest digest : distinct) {
            if (!found.containsKey(digest)) {
                Optional<byte[]> content = streamed.get(digest);
                if (content.isPresent()) {
                    found.put(digest, content.get());
                }
            }
        }
        return found;
    }

    /** As the contract has it, a damaged content fails the reader that consumes it, with an {@link IOException}. */
    @Override
    public Optional<InputStream> open(Digest digest) throws ContentStoreException {
        Optional<byte[]> row = row(digest);
        if (row.isEmpty()) {
            return streamed.open(digest);
        }
        return Optional.of(damage(digest, row.get()).<InputStream>map(Damaged::new)
                .orElseGet(() -> new ByteArrayInputStream(row.get())));
    }

    /** What is wrong with stored bytes that no longer hash to their digest, if anything. */
    private static Optional<CorruptContentException> damage(Digest digest, byte[] stored) {
        Digest actual = Digest.sha256(stored);
        return actual.equals(digest) ? Optional.empty() : Optional.of(new CorruptContentException(digest, actual));
    }

    @Override
    public boolean contains(Digest digest) throws ContentStoreException {
        return rowExists(digest) || streamed.contains(digest);
    }

    @Override
    public boolean delete(Digest digest) throws ContentStoreException {
        boolean deleted;
        try {
            deleted = database.write(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM content WHERE digest = ?")) {
                    delete.setBytes(1, digest.bytes());
                    return delete.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot delete " + digest.hex() + ": " + e.getMessage(), e);
        }
        // Both, always: the same bytes may have been put once whole and once as a stream.
        return streamed.delete(digest) | deleted;
    }

    /** How many contents the database holds (not counting the streamed ones). */
    public long rows() throws ContentStoreException {
        try {
            return database.read(connection -> {
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM content");
                        ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot count the contents of " + database.file(), e);
        }
    }

    private Optional<byte[]> row(Digest digest) throws ContentStoreException {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT bytes FROM content WHERE digest = ?")) {
                    select.setBytes(1, digest.bytes());
                    try (ResultSet result = select.executeQuery()) {
                        return result.next() ? Optional.of(result.getBytes(1)) : Optional.<byte[]>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot read " + digest.hex() + ": " + e.getMessage(), e);
        }
    }

    private boolean rowExists(Digest digest) throws ContentStoreException {
        try {
            return database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM content WHERE digest = ?")) {
                    select.setBytes(1, digest.bytes());
                    try (ResultSet result = select.executeQuery()) {
                        return result.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw new ContentStoreException("cannot look up " + digest.hex() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws ContentStoreException {
        try {
            database.close();
        } catch (SQLException e) {
            throw new ContentStoreException("cannot close " + database.file(), e);
        }
    }

    /** The stream of a damaged content: reading it fails. */
    private static final class Damaged extends InputStream {

        private final CorruptContentException corrupt;

        Damaged(CorruptContentException corrupt) {
            this.corrupt = corrupt;
        }

        @Override
        public int read() throws IOException {
            throw new IOException(corrupt.getMessage(), corrupt);
        }
    }

    /** A failed commit, carried to every caller of its group. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super(cause);
        }
    }
}
