package dev.runtape.ledger.importer.harbor;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Harbor's training traces of the recovered invalid-JSON run in shared/samples/atif-harbor. */
class HarborTracesFormatTest {

    private static final String TRACES = "atif-harbor/terminus_2/hello-world-invalid-json.traces.json";

    private final HarborTracesFormat format = new HarborTracesFormat();

    @Test
    void eachEpisodeIsAChildWhoseMessagesAreTheConversationAndWhoseThinkingIsReasoning() throws Exception {
        ImportedTrajectory run = format.read(sample(TRACES));
        JsonNode raw = new ObjectMapper().readTree(ImportFixture.samplePath(TRACES).toFile());

        assertThat(run.children()).hasSize(raw.size());
        assertThat(count(run.steps(), "system-event")).isEqualTo(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            ImportedTrajectory episode = run.children().get(i);
            JsonNode conversation = raw.get(i).path("conversations");
            assertThat(count(episode.steps(), "message")).isEqualTo(conversation.size());
            assertThat(episode.trajectoryId()).isEqualTo(run.trajectoryId() + "-" + (i + 1));
            assertThat(episode.taskId()).isEqualTo("hello-world");
            assertThat(episode.actor()).isEqualTo(new Actor.Agent("terminus-2", null));
            assertThat(episode.model()).isEqualTo(new Model("openai", "gpt-4o"));
        }
        ImportedTrajectory first = run.children().getFirst();
        assertThat(first.steps().get(1).path("kind").asText()).isEqualTo("reasoning");
        assertThat(first.steps().get(1).path("content").asText()).startsWith("The task is straightforward");
        assertThat(first.steps().get(2).path("content").asText()).as("the reply without its <think> block")
                .doesNotContain("<think>").startsWith("I need to create a file");
        assertThat(first.taskText()).startsWith("You are an AI assistant tasked with solving command-line tasks");
    }

    @Test
    void anEpisodeWithoutItsConversationIsRefusedNamingIt() {
        SourceFile broken = new SourceFile(Path.of("x.traces.json"), """
                [{"conversations": []}, {"agent": "terminus-2"}]""".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(broken)).isInstanceOf(ImportException.class)
                .hasMessage("x.traces.json: $[1].conversations: expected an array, found nothing");
    }
}
