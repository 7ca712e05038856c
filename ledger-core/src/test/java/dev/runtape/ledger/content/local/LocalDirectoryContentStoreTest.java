package dev.runtape.ledger.content.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.content.ContentStore;
import dev.runtape.ledger.content.ContentStoreContract;
import dev.runtape.verifier.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryContentStoreTest extends ContentStoreContract {

    @TempDir
    Path directory;

    @Override
    protected ContentStore newStore() throws Exception {
        return LocalDirectoryContentStore.open(directory.resolve("contents"));
    }

    @Override
    protected void damage(ContentStore store, Digest digest) throws IOException {
        Path file = ((LocalDirectoryContentStore) store).pathOf(digest);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    @Override
    protected void assertHoldsExactly(ContentStore store, int count) throws IOException {
        Path root = ((LocalDirectoryContentStore) store).root();
        assertThat(files(root.resolve("tmp"))).as("temporary files").isEmpty();
        assertThat(files(root)).as("stored contents").hasSize(count);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(directory.resolve("tmp"))
                    || directory.endsWith("tmp")).toList();
        }
    }

    @Test
    void contentsLieInFanOutDirectoriesNamedByTheirDigest() throws Exception {
        LocalDirectoryContentStore store = (LocalDirectoryContentStore) newStore();
        Digest digest = store.put("abc".getBytes());
        assertThat(store.root().relativize(store.pathOf(digest)).toString().replace('\\', '/'))
                .isEqualTo("ba/78/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Files.readString(store.pathOf(digest))).isEqualTo("abc");
    }

    @Test
    void aStoreReopenedOnItsDirectoryServesWhatWasStored() throws Exception {
        Digest digest = newStore().put(randomBytes(1000, 42));
        assertThat(newStore().get(digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(randomBytes(1000, 42)));
    }

    @Test
    void aTruncatedFileIsReplacedByTheNextPutOfItsContent() throws Exception {
        LocalDirectoryContentStore store = (LocalDirectoryContentStore) newStore();
        byte[] content = randomBytes(2000, 43);
        Digest digest = store.put(content);
        Files.write(store.pathOf(digest), new byte[10]);
        store.put(content);
        assertThat(Files.readAllBytes(store.pathOf(digest))).isEqualTo(content);
    }
}
