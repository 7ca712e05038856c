package dev.runtape.ledger.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreContract;
import dev.runtape.ledger.content.local.LocalDirectoryContentStore;
import dev.runtape.verifier.Digest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content store's contract on SQLite (contents stored whole) with a directory store for streams, and what the
 * database adds: many contents in one write, and contents a directory store held before still served.
 */
class SqliteContentStoreTest extends ContentStoreContract {

    @TempDir
    Path directory;

    private final List<SqliteContentStore> opened = new ArrayList<>();

    @Override
    protected ContentStore newStore() throws Exception {
        SqliteContentStore store = SqliteContentStore.open(directory.resolve("content.db"),
                LocalDirectoryContentStore.open(directory.resolve("contents")));
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() throws Exception {
        for (SqliteContentStore store : opened) {
            store.close();
        }
    }

    @Override
    protected void damage(ContentStore store, Digest digest) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("content.db"));
                PreparedStatement select = connection.prepareStatement("SELECT bytes FROM content WHERE digest = ?")) {
            select.setBytes(1, digest.bytes());
            byte[] bytes;
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as("the content is a row").isTrue();
                bytes = result.getBytes(1);
            }
            bytes[bytes.length / 2] ^= 0x01;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE content SET bytes = ? WHERE digest = ?")) {
                update.setBytes(1, bytes);
                update.setBytes(2, digest.bytes());
                update.executeUpdate();
            }
        }
    }

    /** Distinct contents across the rows and the streamed files: the same bytes may be in both. */
    @Override
    protected void assertHoldsExactly(ContentStore store, int count) throws Exception {
        Set<String> digests = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("content.db"));
                ResultSet rows = connection.createStatement().executeQuery("SELECT digest FROM content")) {
            while (rows.next()) {
                digests.add(Digest.of(rows.getBytes(1)).hex());
            }
        }
        Path root = directory.resolve("contents");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                assertThat(file.startsWith(root.resolve("tmp"))).as("a temporary file " + file).isFalse();
                digests.add(file.getFileName().toString());
            });
        }
        assertThat(digests).hasSize(count);
    }

    @Test
    void contentsStoredTogetherComeBackEachUnderItsDigest() throws Exception {
        SqliteContentStore store = (SqliteContentStore) newStore();
        List<byte[]> contents = List.of("one".getBytes(StandardCharsets.UTF_8), "two".getBytes(StandardCharsets.UTF_8),
                "one".getBytes(StandardCharsets.UTF_8));
        List<Digest> digests = store.putAll(contents);

        assertThat(digests).containsExactly(Digest.sha256(contents.get(0)), Digest.sha256(contents.get(1)),
                Digest.sha256(contents.get(0)));
        assertThat(store.rows()).isEqualTo(2);
        assertThat(store.get(digests.get(1))).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(contents.get(1)));
    }

    @Test
    void moreContentsThanOneQueryNamesAreReadTogetherWhole() throws Exception {
        SqliteContentStore store = (SqliteContentStore) newStore();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            contents.add(("content " + i).getBytes(StandardCharsets.UTF_8));
        }
        List<Digest> digests = new ArrayList<>(store.putAll(contents));
        digests.add(digests.getFirst()); // asked twice, read once

        Map<Digest, byte[]> read = store.getAll(digests);

        assertThat(read).hasSize(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            assertThat(read.get(digests.get(i))).as("content %d", i).isEqualTo(contents.get(i));
        }
    }

    @Test
    void aContentTheDirectoryStoreHeldBeforeIsServedAndDeleted() throws Exception {
        Digest old = LocalDirectoryContentStore.open(directory.resolve("contents"))
                .put("stored by an older node".getBytes(StandardCharsets.UTF_8));
        SqliteContentStore store = (SqliteContentStore) newStore();

        assertThat(store.contains(old)).isTrue();
        assertThat(new String(store.get(old).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("stored by an older node");
        assertThat(store.delete(old)).isTrue();
        assertThat(store.contains(old)).isFalse();
    }

    @Test
    void aStreamGoesToTheDirectoryStoreAndAWholeContentToTheDatabase() throws Exception {
        SqliteContentStore store = (SqliteContentStore) newStore();
        Digest streamed = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10).digest();
        Digest whole = store.put(new byte[] {4, 5, 6});

        assertThat(store.rows()).isEqualTo(1);
        assertThat(store.get(streamed)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        assertThat(store.get(whole)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(4, 5, 6));
    }
}
