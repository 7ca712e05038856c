package dev.runtape.ledger.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.verifier.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of {@link ContentStore}, run once for every adapter: extend it, give a fresh store, and say how to
 * damage a stored content and how to tell that nothing was left half written.
 */
public abstract class ContentStoreContract {

    private ContentStore store;

    /** A new, empty store. */
    protected abstract ContentStore newStore() throws Exception;

    /** Changes the stored bytes of a content behind the store's back, as a failing disk would. */
    protected abstract void damage(ContentStore store, Digest digest) throws Exception;

    /** Fails unless the store holds exactly {@code count} contents and nothing else (no partial writes). */
    protected abstract void assertHoldsExactly(ContentStore store, int count) throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    protected static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aPutReturnsTheSha256OfTheBytes() throws Exception {
        // FIPS 180-2 Appendix B.1: SHA-256("abc")
        assertThat(store.put("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void storedBytesReadBackAsTheyWere() throws Exception {
        byte[] content = randomBytes(10_000, 1);
        Digest digest = store.put(content);
        assertThat(store.get(digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        assertThat(store.contains(digest)).isTrue();
        try (InputStream in = store.open(digest).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void emptyContentIsStoredLikeAnyOther() throws Exception {
        Digest digest = store.put(new byte[0]);
        assertThat(digest.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(store.get(digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
    }

    @Test
    void aContentNeverStoredIsAbsent() throws Exception {
        Digest digest = Digest.sha256(new byte[] {1, 2, 3});
        assertThat(store.get(digest)).isEmpty();
        assertThat(store.open(digest)).isEmpty();
        assertThat(store.contains(digest)).isFalse();
        assertThat(store.delete(digest)).isFalse();
    }

    @Test
    void theSameBytesPutTwiceAreStoredOnce() throws Exception {
        byte[] content = randomBytes(4096, 2);
        Digest first = store.put(content);
        Digest second = store.put(content.clone());
        StoredContent third = store.put(new ByteArrayInputStream(content), content.length);
        assertThat(second).isEqualTo(first);
        assertThat(third.digest()).isEqualTo(first);
        assertHoldsExactly(store, 1);
        assertThat(store.delete(first)).isTrue();
        assertThat(store.contains(first)).isFalse();
    }

    @Test
    void aDeletedContentIsGoneAndOthersStay() throws Exception {
        Digest kept = store.put(randomBytes(100, 3));
        Digest deleted = store.put(randomBytes(100, 4));
        assertThat(store.delete(deleted)).isTrue();
        assertThat(store.delete(deleted)).isFalse();
        assertThat(store.get(deleted)).isEmpty();
        assertThat(store.open(deleted)).isEmpty();
        assertThat(store.get(kept)).isPresent();
        assertHoldsExactly(store, 1);
    }

    @Test
    void aStreamedPutReportsTheDigestAndSizeOfWhatItRead() throws Exception {
        byte[] content = randomBytes(1_000_003, 5);
        StoredContent stored = store.put(new ByteArrayInputStream(content), 2_000_000);
        assertThat(stored).isEqualTo(new StoredContent(Digest.sha256(content), content.length));
        assertThat(store.get(stored.digest())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void aStreamOfExactlyTheLimitIsAccepted() throws Exception {
        byte[] content = randomBytes(70_000, 6);
        StoredContent stored = store.put(new ByteArrayInputStream(content), content.length);
        assertThat(stored.size()).isEqualTo(content.length);
    }

    @Test
    void aStreamOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        byte[] content = randomBytes(200_000, 7);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(content), content.length - 1))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessage("content too large: expected at most 199999 bytes, the stream held more")
                .satisfies(e -> assertThat(((ContentTooLargeException) e).maxBytes()).isEqualTo(199_999));
        assertThat(store.contains(Digest.sha256(content))).isFalse();
        assertHoldsExactly(store, 0);
    }

    @Test
    void aStreamThatFailsMidwayLeavesNothingBehind() throws Exception {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 150_000) {
                    throw new IOException("connection reset");
                }
                return served & 0xff;
            }
        };
        assertThatThrownBy(() -> store.put(failing, 1_000_000))
                .isInstanceOf(ContentStoreException.class)
                .hasMessageContaining("connection reset");
        assertHoldsExactly(store, 0);
    }

    @Test
    void aDamagedContentIsReportedNotServed() throws Exception {
        byte[] content = randomBytes(5000, 8);
        Digest digest = store.put(content);
        damage(store, digest);
        assertThatThrownBy(() -> store.get(digest))
                .isInstanceOfSatisfying(CorruptContentException.class, e -> {
                    assertThat(e.expected()).isEqualTo(digest);
                    assertThat(e.actual()).isNotEqualTo(digest);
                    assertThat(e).hasMessageStartingWith("content " + digest.hex() + " is corrupt: its stored bytes hash to ");
                });
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(digest).orElseThrow()) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasCauseInstanceOf(CorruptContentException.class);
    }

    @Test
    void manyContentsReadTogetherComeBackEachUnderItsDigestAndTheAbsentAreLeftOut() throws Exception {
        byte[] first = randomBytes(3000, 11);
        byte[] streamed = randomBytes(4000, 12);
        Digest one = store.put(first);
        Digest two = store.put(new ByteArrayInputStream(streamed), streamed.length).digest();
        Digest deleted = store.put(randomBytes(100, 13));
        store.delete(deleted);
        Digest never = Digest.sha256(new byte[] {4, 5, 6});

        Map<Digest, byte[]> read = store.getAll(List.of(one, never, two, deleted, one));

        assertThat(read).containsOnlyKeys(one, two);
        assertThat(read.get(one)).isEqualTo(first);
        assertThat(read.get(two)).isEqualTo(streamed);
    }

    @Test
    void aDamagedContentAmongManyIsReportedNotServed() throws Exception {
        Digest intact = store.put(randomBytes(1000, 14));
        Digest damaged = store.put(randomBytes(1000, 15));
        damage(store, damaged);
        assertThatThrownBy(() -> store.getAll(List.of(intact, damaged)))
                .isInstanceOfSatisfying(CorruptContentException.class, e -> assertThat(e.expected()).isEqualTo(damaged));
    }

    @Test
    void puttingADamagedContentAgainRepairsIt() throws Exception {
        byte[] content = randomBytes(5000, 9);
        Digest digest = store.put(content);
        damage(store, digest);
        store.put(content);
        assertThat(store.get(digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @RepeatedTest(5)
    void concurrentPutsOfTheSameContentLeaveOneWholeCopy() throws Exception {
        byte[] content = randomBytes(300_000, 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Digest>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean streamed = i % 2 == 0;
                Callable<Digest> put = () -> streamed
                        ? store.put(new ByteArrayInputStream(content), content.length).digest()
                        : store.put(content);
                results.add(pool.submit(put));
            }
            for (Future<Digest> result : results) {
                assertThat(result.get()).isEqualTo(Digest.sha256(content));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.get(Digest.sha256(content))).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        assertHoldsExactly(store, 1);
    }
}
