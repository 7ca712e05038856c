package dev.runtape.ledger.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared-documents contract on files of one node's data directory, and what files add. */
class DirectoryDocumentsTest extends SharedDocumentsContract {

    @TempDir
    Path directory;

    @Override
    protected SharedDocuments newDocuments() {
        return DirectoryDocuments.in(directory.resolve("data"));
    }

    @Test
    void aDocumentIsAFileNamedAsItAndAFileFoundAtStartIsVersionOne() throws Exception {
        DirectoryDocuments.in(directory.resolve("data")).replace("api-keys.json", 0, "[]".getBytes(UTF_8));
        assertThat(Files.readString(directory.resolve("data/api-keys.json"))).isEqualTo("[]");

        DirectoryDocuments reopened = DirectoryDocuments.in(directory.resolve("data"));
        assertThat(reopened.read("api-keys.json").orElseThrow().version()).isEqualTo(1);
        assertThat(reopened.replace("api-keys.json", 1, "[{}]".getBytes(UTF_8))).isTrue();
    }

    @Test
    void aNameThatIsNotAPlainFileNameIsRefused() {
        DirectoryDocuments documents = DirectoryDocuments.in(directory);
        assertThatThrownBy(() -> documents.read("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> documents.replace(".hidden", 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
