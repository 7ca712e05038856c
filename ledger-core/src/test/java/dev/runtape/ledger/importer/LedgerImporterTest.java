package dev.runtape.ledger.importer;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.importer.sweagent.SweAgentFormat;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Importing into a real node on SQLite: the commands it sends, what the stream holds, and importing twice. */
class LedgerImporterTest {

    @TempDir
    Path directory;

    @Test
    void aSweAgentRunBecomesATaskAndATrajectoryWhoseStepsAndOutcomeReadBack() throws Exception {
        ImportedTrajectory run = new SweAgentFormat().read(sample("swe-agent/pydicom__pydicom-1458.traj"));
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            ImportResult result = new LedgerImporter(node, "importer", 10).write(run);

            assertThat(result.steps()).isEqualTo(30);
            assertThat(result.eventsStored()).as("task, start, 3 batches of at most 10, completion").isEqualTo(6);
            List<LogEntry> stream = ImportFixture.stream(node, run.trajectoryId());
            assertThat(stream).extracting(LogEntry::eventType).containsExactly("TrajectoryStarted", "StepsRecorded",
                    "StepsRecorded", "StepsRecorded", "TrajectoryCompleted");
            assertThat(stream).extracting(LogEntry::eventId).startsWith(
                    "import/" + run.trajectoryId() + "/started", "import/" + run.trajectoryId() + "/steps/0");
            assertThat(node.log().head(StreamId.of(StreamId.Kind.TASK, "pydicom__pydicom-1458"))).isPresent();

            TrajectoryStarted started = ImportFixture.started(node, run.trajectoryId());
            assertThat(started.sourceFormat()).isEqualTo("swe-agent-traj");
            assertThat(started.actor()).isEqualTo(new Actor.Agent("swe-agent", null));
            List<Step> steps = ImportFixture.storedSteps(node, run.trajectoryId());
            assertThat(steps).hasSize(30);
            Step command = steps.stream().filter(s -> s.kind().equals("command")).findFirst().orElseThrow();
            assertThat(command.get("exit-code").isNull()).isTrue();
            assertThat(ImportFixture.opened(node, command, "command")).isEqualTo("create reproduce_bug.py\n");
            TrajectoryCompleted completed = ImportFixture.completed(node, run.trajectoryId());
            assertThat(completed.outcome()).isEqualTo(TrajectoryCompleted.Outcome.UNKNOWN);
            assertThat(ImportFixture.opened(node, completed.finalDiff())).isEqualTo(run.finalDiff());
        }
    }

    @Test
    void importingTheSameFileAgainStoresNothingNewNotEvenAContent() throws Exception {
        ImportedTrajectory run = new SweAgentFormat().read(sample(
                "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj"));
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            LedgerImporter importer = new LedgerImporter(node, "importer");
            assertThat(importer.write(run).eventsStored()).isEqualTo(4);
            long position = node.log().lastPosition();
            long contents = files(directory.resolve("data").resolve("content"));

            ImportedTrajectory again = new SweAgentFormat().read(sample(
                    "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj"));
            assertThat(again.trajectoryId()).isEqualTo(run.trajectoryId());
            assertThat(importer.write(again).totalEventsStored()).isZero();
            assertThat(node.log().lastPosition()).isEqualTo(position);
            assertThat(files(directory.resolve("data").resolve("content"))).isEqualTo(contents);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "openhands/multi_swe_bench.output.jsonl, 3",
        "openhands/runtime-traj.basic.json, 0",
        "atif-harbor/terminus_2/hello-world-context-summarization.trajectory.json, 3",
        "atif-harbor/terminus_2/hello-world-context-summarization-linear-history.trajectory.json, 1",
        "codex-cli/rollout-2026-02-23T12-47-42-019c8a53-a0dd-7130-bcd7-95445d84846a.jsonl, 0",
    })
    void aSampleOfEachNewFormatGoesInWithItsChildrenUnderIt(String file, int children) throws Exception {
        ImportedTrajectory run = ImportFormats.detector().read(sample(file), null);
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            ImportResult result = new LedgerImporter(node, "importer").write(run);

            assertThat(result.steps()).isEqualTo(run.steps().size());
            assertThat(result.children()).hasSize(children);
            for (ImportedTrajectory child : run.children()) {
                assertThat(ImportFixture.started(node, child.trajectoryId()).parent()).isEqualTo(run.trajectoryId());
                assertThat(ImportFixture.storedSteps(node, child.trajectoryId())).hasSize(child.steps().size());
            }
            assertThat(ImportFixture.completed(node, run.trajectoryId()).outcome()).isEqualTo(run.outcome());
        }
    }

    @Test
    void aTrajectoryWhoseLastBatchIsRefusedLeavesNothingInTheLogAndGoesInWholeOnceFixed() throws Exception {
        ImportedTrajectory run = new SweAgentFormat().read(sample("swe-agent/pydicom__pydicom-1458.traj"));
        ImportedTrajectory broken = withLastStep(run, run.steps().getLast().put("kind", "teleport"));
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            LedgerImporter importer = new LedgerImporter(node, "importer", 10);

            assertThatThrownBy(() -> importer.write(broken)).isInstanceOf(RuntimeException.class);
            assertThat(node.log().lastPosition()).as("not the task, the start or the first two batches")
                    .isEqualTo(EventLog.BEFORE_FIRST);

            // Nothing of the refused attempt lingers in the node (its cached aggregates went with the unit of work).
            assertThat(importer.write(run).totalEventsStored()).isEqualTo(6);
            assertThat(ImportFixture.storedSteps(node, run.trajectoryId())).hasSize(30);
        }
    }

    @Test
    void aRefusedChildTakesItsParentWithIt() throws Exception {
        ImportedTrajectory parent = new SweAgentFormat().read(sample("swe-agent/pydicom__pydicom-1458.traj"));
        ImportedTrajectory child = new SweAgentFormat().read(sample(
                "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj"));
        ImportedTrajectory badChild = withLastStep(child, child.steps().getLast().put("kind", "teleport"));
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            assertThatThrownBy(() -> new LedgerImporter(node, "importer").write(withChildren(parent, badChild)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(node.log().lastPosition()).isEqualTo(EventLog.BEFORE_FIRST);

            ImportResult result = new LedgerImporter(node, "importer").write(withChildren(parent, child));
            assertThat(result.children()).hasSize(1);
            assertThat(ImportFixture.started(node, child.trajectoryId()).parent()).isEqualTo(parent.trajectoryId());
        }
    }

    @Test
    void twoChildrenOfOneTaskDefineItOnce() throws Exception {
        ImportedTrajectory parent = new SweAgentFormat().read(sample("swe-agent/pydicom__pydicom-1458.traj"));
        ImportedTrajectory child = new SweAgentFormat().read(sample(
                "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj"));
        ImportedTrajectory sibling = renamed(child, child.trajectoryId() + "-again");
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            ImportResult result = new LedgerImporter(node, "importer").write(withChildren(parent, child, sibling));

            assertThat(result.children()).hasSize(2);
            assertThat(node.log().readStream(StreamId.of(StreamId.Kind.TASK, child.taskId()), 0, 10)).hasSize(1);
        }
    }

    private static ImportedTrajectory withLastStep(ImportedTrajectory run, ObjectNode last) {
        List<ObjectNode> steps = new ArrayList<>(run.steps());
        steps.set(steps.size() - 1, last);
        return new ImportedTrajectory(run.trajectoryId(), run.sourceFormat(), run.taskId(), run.taskText(),
                run.taskFamily(), run.actor(), run.model(), run.repository(), run.started(), steps, run.outcome(),
                run.blockers(), run.finalDiff(), run.usage(), run.children());
    }

    private static ImportedTrajectory withChildren(ImportedTrajectory run, ImportedTrajectory... children) {
        return new ImportedTrajectory(run.trajectoryId(), run.sourceFormat(), run.taskId(), run.taskText(),
                run.taskFamily(), run.actor(), run.model(), run.repository(), run.started(), run.steps(),
                run.outcome(), run.blockers(), run.finalDiff(), run.usage(), List.of(children));
    }

    private static ImportedTrajectory renamed(ImportedTrajectory run, String trajectoryId) {
        return new ImportedTrajectory(trajectoryId, run.sourceFormat(), run.taskId(), run.taskText(),
                run.taskFamily(), run.actor(), run.model(), run.repository(), run.started(), run.steps(),
                run.outcome(), run.blockers(), run.finalDiff(), run.usage(), run.children());
    }

    private static long files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
