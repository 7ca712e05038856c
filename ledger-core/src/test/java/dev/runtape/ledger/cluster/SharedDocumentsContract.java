package dev.runtape.ledger.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarantees of {@link SharedDocuments}, run once for every adapter. */
public abstract class SharedDocumentsContract {

    private SharedDocuments documents;

    /** New, empty documents. */
    protected abstract SharedDocuments newDocuments() throws Exception;

    @BeforeEach
    void create() throws Exception {
        documents = newDocuments();
    }

    private String text(String name) {
        return new String(documents.read(name).orElseThrow().bytes(), UTF_8);
    }

    @Test
    void aDocumentNeverWrittenIsAbsent() {
        assertThat(documents.read("api-keys.json")).isEmpty();
    }

    @Test
    void theFirstWriteIsVersionOneAndEachReplacementRaisesIt() {
        assertThat(documents.replace("keys", 0, "first".getBytes(UTF_8))).isTrue();
        assertThat(documents.read("keys").orElseThrow().version()).isEqualTo(1);

        assertThat(documents.replace("keys", 1, "second".getBytes(UTF_8))).isTrue();
        assertThat(documents.read("keys").orElseThrow().version()).isEqualTo(2);
        assertThat(text("keys")).isEqualTo("second");
    }

    @Test
    void aReplacementFromAVersionThatMovedOnIsRefusedAndChangesNothing() {
        documents.replace("keys", 0, "first".getBytes(UTF_8));
        documents.replace("keys", 1, "second".getBytes(UTF_8));

        assertThat(documents.replace("keys", 1, "stale".getBytes(UTF_8))).isFalse();
        assertThat(documents.replace("keys", 0, "again".getBytes(UTF_8))).as("a second first write").isFalse();
        assertThat(text("keys")).isEqualTo("second");
    }

    @Test
    void aReplacementOfADocumentNeverWrittenIsRefused() {
        assertThat(documents.replace("keys", 3, "x".getBytes(UTF_8))).isFalse();
        assertThat(documents.read("keys")).isEmpty();
    }

    @Test
    void ofWritersRacingFromOneVersionExactlyOneWins() throws Exception {
        documents.replace("keys", 0, "start".getBytes(UTF_8));
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] bytes = ("writer " + i).getBytes(UTF_8);
            writers.add(() -> documents.replace("keys", 1, bytes));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int won = 0;
        try {
            for (Future<Boolean> result : pool.invokeAll(writers)) {
                won += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(won).isEqualTo(1);
        assertThat(documents.read("keys").orElseThrow().version()).isEqualTo(2);
    }
}
