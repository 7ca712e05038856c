package dev.runtape.ledger.importer.opencua;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AgentNet raw recording of shared/samples/human-computer-use/opencua-agentnet: a display-settings task. */
class OpenCuaFormatTest {

    private static final String FOLDER = "human-computer-use/opencua-agentnet/raw-recording-2c05b837/";
    private static final String EVENTS = FOLDER + "events.jsonl";
    private static final long START = 1_730_832_991_000L; // metadata start_time 2024-11-05 18:56:31

    @TempDir
    Path directory;

    private final OpenCuaFormat format = new OpenCuaFormat();

    private static List<ObjectNode> inputs(ImportedTrajectory run, String input) {
        return run.steps().stream().filter(s -> s.path("input").asText().equals(input)).toList();
    }

    @Test
    void theWindowsBroughtToTheFrontAndTheElementsUnderThePointerGoInAtTheirTimes() throws Exception {
        ImportedTrajectory run = format.read(sample(EVENTS));
        List<ObjectNode> windows = run.steps().stream().filter(s -> s.path("event").asText().equals("window"))
                .toList();
        List<ObjectNode> elements = run.steps().stream()
                .filter(s -> s.path("event").asText().equals("ui-element")).toList();

        assertThat(windows).extracting(s -> s.path("data").asText()).containsExactly("agentnet-annotator",
                "explorer", "ShellExperienceHost", "ApplicationFrameHost");
        assertThat(elements).hasSize((int) Files.readAllLines(ImportFixture.samplePath(FOLDER + "element.jsonl"))
                .stream().filter(line -> !line.isBlank()).count());
        assertThat(elements.getFirst().path("data").asText())
                .isEqualTo("ButtonControl \"Action Centre, No new notifications (Off)\"");
        ObjectNode firstClick = inputs(run, "click").getFirst();
        assertThat(elements.getFirst().path("index").asInt()).as("noted just before the click it belongs to")
                .isEqualTo(firstClick.path("index").asInt() - 1);
        List<Long> times = run.steps().stream().filter(s -> s.has("time")).map(s -> s.path("time").asLong()).toList();
        assertThat(times).as("one timeline").isSorted();
    }

    @Test
    void clicksScrollsAndKeysAreUiInputsAtTheirWallClockTimes() throws Exception {
        ImportedTrajectory run = format.read(sample(EVENTS));

        assertThat(run.count("ui-input")).as("21 press/release pairs, 19 scrolls, 3 key presses").isEqualTo(43);
        assertThat(inputs(run, "click")).hasSize(20);
        assertThat(inputs(run, "drag")).hasSize(1);
        assertThat(inputs(run, "scroll")).hasSize(19);
        assertThat(inputs(run, "key")).extracting(s -> s.path("key").asText()).containsExactly("ctrl_l", "alt_l",
                "T");
        ObjectNode first = inputs(run, "click").getFirst();
        assertThat(first.path("x").asInt()).isEqualTo(1328);
        assertThat(first.path("y").asInt()).isEqualTo(745);
        assertThat(first.path("button").asText()).isEqualTo("left");
        assertThat(first.path("time-ms").asLong()).as("7.0233517 s after the video started").isEqualTo(START + 7023);
        assertThat(first.path("time").asLong()).isEqualTo(START + 7023);
        assertThat(first.path("time-original").asText()).isEqualTo("30680.6270419");
        assertThat(inputs(run, "click").get(1).path("button").asText()).isEqualTo("right");
        ObjectNode drag = inputs(run, "drag").getFirst();
        assertThat(drag.path("x").asInt()).isEqualTo(621);
        assertThat(drag.path("dx").asInt()).isEqualTo(561 - 621);
        assertThat(drag.path("dy").asInt()).isEqualTo(213 - 206);
        assertThat(drag.path("time-ms").asLong()).isEqualTo(1_730_833_006_753L);
        ObjectNode scroll = inputs(run, "scroll").getFirst();
        assertThat(scroll.path("dy").asInt()).isEqualTo(-1);
        assertThat(scroll.path("time-ms").asLong()).isEqualTo(1_730_833_018_523L);
    }

    @Test
    void theRunIsAHumansUnderAPseudonymWithTheTaskAndTheRecordingsMetadata() throws Exception {
        ImportedTrajectory run = format.read(sample(EVENTS));

        assertThat(run.actor()).isInstanceOfSatisfying(Actor.Operator.class, operator ->
                assertThat(operator.operatorId()).matches("agentnet-[0-9a-f]{16}"));
        assertThat(run.taskText()).startsWith("Open the system display settings, adjust the system brightness to 78");
        assertThat(run.started()).isEqualTo(Instant.ofEpochMilli(START));
        assertThat(run.model()).isNull();
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        ObjectNode recording = run.steps().getFirst();
        assertThat(recording.path("event").asText()).isEqualTo("recording");
        assertThat(recording.path("data").asText()).contains("\"screen_width\":1366");
        assertThat(recording.path("time-original").asText()).isEqualTo("2024-11-05 18:56:31");
    }

    @Test
    void aCutEventLineFailsNamingTheFileAndLine() throws Exception {
        Path folder = copyOfMetadata();
        byte[] events = sample(EVENTS).bytes();
        Files.write(folder.resolve("events.jsonl"), Arrays.copyOf(events, 200));

        assertThatThrownBy(() -> format.read(SourceFile.read(folder.resolve("events.jsonl"))))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(folder.resolve("events.jsonl") + ": line 3, column ");
    }

    @Test
    void anEventWithoutATimeFailsNamingIt() throws Exception {
        Path folder = copyOfMetadata();
        Files.writeString(folder.resolve("events.jsonl"), "{\"time_stamp\": 30680.6, \"action\": \"scroll\", "
                + "\"event_idx\": 0}\n{\"action\": \"click\", \"event_idx\": 1}\n");

        assertThatThrownBy(() -> format.read(SourceFile.read(folder.resolve("events.jsonl"))))
                .isInstanceOf(ImportException.class)
                .hasMessage(folder.resolve("events.jsonl") + ": line 2.time_stamp: expected a number, found nothing");
    }

    @Test
    void eventsWithoutTheirMetadataAreRefused() throws Exception {
        Path events = directory.resolve("events.jsonl");
        Files.write(events, sample(EVENTS).bytes());

        assertThatThrownBy(() -> format.read(SourceFile.read(events))).isInstanceOf(ImportException.class)
                .hasMessage(events + ": metadata.json beside it: expected the recording's metadata.json in the same "
                        + "folder, found none");
    }

    @Test
    void detectionTakesTheRawEventsButNotTheToolsOtherFiles() throws Exception {
        assertThat(format.detect(sample(EVENTS))).isEqualTo(0.9);
        assertThat(format.detect(sample(FOLDER + "event_buffer.jsonl"))).isZero();
        assertThat(format.detect(sample(FOLDER + "reduced_events_complete.jsonl"))).isZero();
        assertThat(format.detect(sample(FOLDER + "top_window.jsonl"))).isZero();
        assertThat(format.detect(sample("claude-code/short.jsonl"))).isZero();
    }

    /** A folder of this test with the sample's metadata in it (written by the test, never into the project). */
    private Path copyOfMetadata() throws Exception {
        Path folder = Files.createDirectories(directory.resolve("recording"));
        Files.write(folder.resolve("metadata.json"), sample(FOLDER + "metadata.json").bytes());
        return folder;
    }
}
