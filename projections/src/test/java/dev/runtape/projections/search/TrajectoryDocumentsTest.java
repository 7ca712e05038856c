package dev.runtape.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrajectoryDocumentsTest {

    @Test
    void aDocumentCountsEveryStepKindTheImportHolds() throws Exception {
        ImportedTrajectory trajectory = read("claude-code/tool_heavy.jsonl");

        TrajectoryDocument document = TrajectoryDocuments.of("acme", trajectory);

        assertThat(document.steps()).isEqualTo(trajectory.steps().size());
        for (Map.Entry<String, Long> count : document.stepCounts().entrySet()) {
            assertThat(count.getValue()).as(count.getKey()).isEqualTo(trajectory.count(count.getKey()));
        }
        assertThat(document.id()).isEqualTo(trajectory.trajectoryId());
        assertThat(document.agent()).isEqualTo("claude-code");
        assertThat(document.outcome()).isEqualTo(trajectory.outcome().wire());
        assertThat(document.tools()).isNotEmpty().isSorted();
    }

    @Test
    void theToolsAreThoseOfTheToolCalls() throws Exception {
        ImportedTrajectory trajectory = read("claude-code/tool_heavy.jsonl");
        List<String> called = trajectory.steps().stream().filter(step -> step.path("kind").asText()
                .equals("tool-call")).map(step -> step.path("tool").asText()).distinct().sorted().toList();

        assertThat(TrajectoryDocuments.of("acme", trajectory).tools()).isEqualTo(called);
    }

    @Test
    void everyTextOfAStepIsIndexedUnderItsIndex() throws Exception {
        ImportedTrajectory trajectory = read("swe-agent/swe-agent__test-repo-i1.traj");
        TrajectoryDocument document = TrajectoryDocuments.of("acme", trajectory);

        for (ObjectNode step : trajectory.steps()) {
            if (step.path("kind").asText().equals("command")) {
                String command = step.get("command").asText();
                assertThat(document.text()).filteredOn(part -> part.step() == step.get("index").asLong())
                        .singleElement().satisfies(part -> assertThat(part.text()).contains(command));
            }
        }
    }

    @Test
    void aRedactedContentIsNotIndexed() throws Exception {
        ImportedTrajectory trajectory = read("swe-agent/swe-agent__test-repo-i1.traj");
        List<ObjectNode> steps = new ArrayList<>(trajectory.steps());
        ObjectNode first = steps.stream().filter(step -> step.path("kind").asText().equals("command")).findFirst()
                .orElseThrow();
        String command = first.get("command").asText();
        first.putObject("command").put("digest", "ab".repeat(32)); // as StoredTrajectoryReader leaves a withheld one
        first.remove(List.of("stdout", "stderr"));
        ImportedTrajectory withheld = new ImportedTrajectory(trajectory.trajectoryId(), trajectory.sourceFormat(),
                trajectory.taskId(), trajectory.taskText(), trajectory.taskFamily(), trajectory.actor(),
                trajectory.model(), trajectory.repository(), trajectory.started(), steps, trajectory.outcome(),
                trajectory.blockers(), trajectory.finalDiff(), trajectory.usage(), trajectory.children());

        TrajectoryDocument document = TrajectoryDocuments.of("acme", withheld);

        assertThat(document.text()).noneMatch(part -> part.step() == first.get("index").asLong());
        assertThat(document.stepCounts()).isEqualTo(TrajectoryDocuments.of("acme", trajectory).stepCounts());
        assertThat(command).isNotBlank();
    }

    @Test
    void aDocumentReadBackFromItsSourceIsTheSame() throws Exception {
        for (TrajectoryDocument document : SampleTrajectories.documents("acme")) {
            assertThat(DocumentSource.fromMap(DocumentSource.toMap(document))).isEqualTo(document);
        }
    }

    private static ImportedTrajectory read(String sample) throws Exception {
        SourceFile file = SourceFile.read(SharedFiles.sample(sample));
        return ImportFormats.detector().read(file, null);
    }
}
