package dev.runtape.ledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of shared/samples, imported into a real node: each trajectory file imports with the format it is, and
 * its steps, commands, known exit codes and diffs equal what {@link RawCounts} reads from the raw file without the
 * importers. A file that is no trajectory is listed here with the reason, and a file read with another is checked
 * against the one it belongs to; a sample added later that is none of these fails until it is placed.
 */
class SampleCountsTest {

    /** Files that hold no trajectory, and why. */
    private static final Map<String, String> NOT_TRAJECTORIES = Map.of(
            "SOURCES.md", "where the samples come from and under which licence",
            "codex-cli/sanitization-manifest.json", "how the rollouts were sanitized: counts of lines, no events",
            "swe-agent/pydicom__pydicom-1458.args.yaml", "the run's configuration; the .traj beside it takes its "
                    + "model from it",
            "otel-genai/", "the OpenTelemetry GenAI semantic conventions: attribute and event definitions and JSON "
                    + "schemas, not a recorded trace");

    private static final String RECORDING = "human-computer-use/opencua-agentnet/raw-recording-2c05b837/";

    /** Files a format reads beside the trajectory file. */
    private static final Set<String> READ_WITH_EVENTS = Set.of(RECORDING + "metadata.json",
            RECORDING + "task_name.json", RECORDING + "top_window.jsonl", RECORDING + "element.jsonl");

    /** The annotation tool's own groupings of the inputs events.jsonl holds. */
    private static final Set<String> GROUPINGS = Set.of(RECORDING + "event_buffer.jsonl",
            RECORDING + "reduced_events_complete.jsonl");

    @TempDir
    static Path directory;

    private static LedgerNode node;

    @BeforeAll
    static void start() throws Exception {
        node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Stream<String> samples() throws IOException {
        Path root = SharedFiles.sample("");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted()
                    .toList().stream();
        }
    }

    private record Expected(String format, RawCounts.Counts counts) {
    }

    /** The format a sample is, and its raw counts; null for a file that is no trajectory file. */
    private static Expected expected(String relative) throws IOException {
        Path file = SharedFiles.sample(relative);
        String name = file.getFileName().toString();
        if (relative.startsWith("swe-agent/") && name.endsWith(".traj")) {
            return new Expected("swe-agent-traj", RawCounts.sweAgent(file));
        }
        if (name.endsWith("preds.jsonl") || name.endsWith("preds.json")) {
            return new Expected("swe-bench-predictions", RawCounts.predictions(file));
        }
        if (relative.startsWith("mini-swe-agent/") && name.endsWith(".traj.json")) {
            return new Expected("mini-swe-agent", RawCounts.miniSweAgent(file));
        }
        if (relative.startsWith("claude-code/")) {
            return new Expected("claude-code-jsonl", RawCounts.claudeCode(file));
        }
        if (relative.startsWith("codex-cli/rollout-")) {
            return new Expected("codex-rollout", RawCounts.codex(file));
        }
        if (relative.startsWith("gemini-cli/")) {
            return new Expected("gemini-cli-session", RawCounts.gemini(file));
        }
        if (relative.startsWith("aider/")) {
            return new Expected("aider-chat-history", RawCounts.aider(file));
        }
        if (relative.startsWith("atif-harbor/") && name.endsWith(".traces.json")) {
            return new Expected("harbor-traces", RawCounts.harborTraces(file));
        }
        if (relative.startsWith("atif-harbor/")) {
            return new Expected("atif", RawCounts.atif(file));
        }
        if (relative.startsWith("openhands/")) {
            return new Expected("openhands", RawCounts.openHands(file));
        }
        if (relative.equals(RECORDING + "events.jsonl")) {
            return new Expected("opencua-agentnet-events", RawCounts.agentNetEvents(file));
        }
        if (relative.startsWith("human-computer-use/opencua-agentnet/agentnetbench.")
                || relative.startsWith("human-computer-use/opencua-agentnet/standardized-")) {
            return new Expected("opencua-agentnet-trajectory", RawCounts.agentNetTrajectory(file));
        }
        return null;
    }

    private static boolean notATrajectory(String relative) {
        return NOT_TRAJECTORIES.keySet().stream().anyMatch(key -> key.endsWith("/") ? relative.startsWith(key)
                : relative.equals(key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleIsPlacedAndEveryTrajectoryImportsWithTheCountsOfItsRawFile(String relative) throws Exception {
        if (notATrajectory(relative) || READ_WITH_EVENTS.contains(relative) || GROUPINGS.contains(relative)) {
            return; // checked by the tests below
        }
        Expected expected = expected(relative);
        assertThat(expected).as("%s is placed: a trajectory format, or listed as no trajectory", relative)
                .isNotNull();

        SourceFile source = SourceFile.read(SharedFiles.sample(relative));
        FormatDetector detector = ImportFormats.detector();
        TrajectoryFormat format = detector.choose(source, null);
        assertThat(format.name()).as("the format detected").isEqualTo(expected.format());
        ImportedTrajectory trajectory = format.read(source);
        ImportResult result = new LedgerImporter(node, "sample-import", 1000).write(trajectory);
        ImportSummary summary = ImportSummary.of(relative, trajectory, result);

        RawCounts.Counts raw = expected.counts();
        assertThat(summary.steps() - uncounted(trajectory, raw.uncounted())).as("steps").isEqualTo(raw.steps());
        assertThat(summary.commands()).as("commands").isEqualTo(raw.commands());
        assertThat(summary.exitCodesKnown()).as("commands with a known exit code").isEqualTo(raw.exitCodesKnown());
        assertThat(summary.diffs()).as("file edits and final diffs").isEqualTo(raw.diffs());
        assertThat(ImportFixture.storedSteps(node, trajectory.trajectoryId())).as("stored")
                .hasSize(trajectory.steps().size());
    }

    /** System events of the trajectory and its children that the raw count leaves to the importer. */
    private static int uncounted(ImportedTrajectory trajectory, Set<String> events) {
        int count = 0;
        for (ObjectNode step : trajectory.steps()) {
            count += step.path("kind").asText().equals("system-event") && events.contains(step.path("event")
                    .asText()) ? 1 : 0;
        }
        for (ImportedTrajectory child : trajectory.children()) {
            count += uncounted(child, events);
        }
        return count;
    }

    @Test
    void theFilesThatAreNoTrajectoryAreRefusedByDetectionNotMisread() throws Exception {
        List<String> listed = samples().filter(SampleCountsTest::notATrajectory).toList();

        assertThat(listed).hasSizeGreaterThanOrEqualTo(NOT_TRAJECTORIES.size());
        for (String relative : listed) {
            SourceFile source = SourceFile.read(SharedFiles.sample(relative));
            assertThat(ImportFormats.all()).as(relative).allSatisfy(format -> assertThat(format.detect(source))
                    .as("%s as %s", relative, format.name()).isZero());
        }
    }

    @Test
    void theRecordingsCompanionFilesAreWhatItsTrajectoryHolds() throws Exception {
        ImportedTrajectory recording = ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(RECORDING
                + "events.jsonl")), null);
        ObjectMapper json = new ObjectMapper();

        assertThat(recording.taskText()).as("task_name.json").isEqualTo(json.readTree(SharedFiles.sample(
                RECORDING + "task_name.json").toFile()).path("task_name").asText());
        JsonNode metadata = json.readTree(SharedFiles.sample(RECORDING + "metadata.json").toFile());
        assertThat(recording.steps().getFirst().path("data").asText()).as("metadata.json")
                .isEqualTo(metadata.toString());
        assertThat(recording.steps()).filteredOn(s -> s.path("event").asText().equals("window"))
                .hasSize(lines(RECORDING + "top_window.jsonl").size());
        assertThat(recording.steps()).filteredOn(s -> s.path("event").asText().equals("ui-element"))
                .hasSize(lines(RECORDING + "element.jsonl").size());

        // the groupings name only inputs that events.jsonl holds, so importing them too would count inputs twice
        Set<Long> inputs = new HashSet<>();
        lines(RECORDING + "events.jsonl").forEach(event -> inputs.add(event.path("event_idx").asLong()));
        for (String grouping : GROUPINGS) {
            List<Long> named = new ArrayList<>();
            for (JsonNode group : lines(grouping)) {
                for (String member : List.of("event_idx", "event_start_idx")) {
                    if (group.path(member).canConvertToLong()) {
                        named.add(group.path(member).asLong());
                    }
                }
            }
            assertThat(named).as(grouping).isNotEmpty();
            assertThat(inputs).as(grouping).containsAll(named);
        }
    }

    private static List<JsonNode> lines(String relative) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(SharedFiles.sample(relative), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
