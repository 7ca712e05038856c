package dev.runtape.ledger.importer.atif;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ATIF samples of shared/samples/atif-harbor: Harbor's Terminus-2 goldens and an OpenHands conversion. */
class AtifFormatTest {

    private static final String TERMINUS = "atif-harbor/terminus_2/";
    private final AtifFormat format = new AtifFormat();

    private static List<ObjectNode> ofKind(ImportedTrajectory run, String kind) {
        return run.steps().stream().filter(s -> s.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void aRecoveredRunKeepsItsParseErrorAndTheCommandThatFollowed() throws Exception {
        ImportedTrajectory run = format.read(sample(TERMINUS + "hello-world-invalid-json.trajectory.json"));
        List<ObjectNode> steps = run.steps();

        assertThat(steps).hasSize(16);
        assertThat(count(steps, "message")).isEqualTo(6);
        assertThat(count(steps, "reasoning")).isEqualTo(4);
        assertThat(count(steps, "tool-call")).isEqualTo(3);
        assertThat(count(steps, "tool-result")).isEqualTo(2);
        ObjectNode complaint = steps.get(3);
        assertThat(complaint.path("role").asText()).isEqualTo("tool");
        assertThat(complaint.path("content").asText()).startsWith("Previous response had parsing errors:");
        assertThat(complaint.path("parent").asInt()).isEqualTo(2);
        ObjectNode command = ofKind(run, "command").getFirst();
        assertThat(command.path("command").asText()).isEqualTo("printf 'Hello, world!\\n' > hello.txt\n");
        assertThat(command.get("exit-code").isNull()).as("a terminal screen states no exit code").isTrue();
        assertThat(steps.get(command.path("parent").asInt()).path("call-id").asText()).isEqualTo("call_1_1");
        assertThat(steps.get(1).path("content").asText()).startsWith("The task is straightforward");
        assertThat(steps.get(1).path("usage").path("input-tokens").asLong()).isEqualTo(682);
        assertThat(run.model()).isEqualTo(new Model("openai", "gpt-4o"));
        assertThat(run.actor()).isEqualTo(new Actor.Agent("terminus-2", "2.0.0"));
        assertThat(run.usage().inputTokens()).isEqualTo(2417);
        assertThat(run.usage().outputTokens()).isEqualTo(200);
        assertThat(run.usage().costUsd()).isEqualTo(0.008042500000000001);
        assertThat(run.taskText()).startsWith("You are an AI assistant tasked with solving command-line tasks");
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(run.finalDiff()).isNull();
    }

    @Test
    void aTimedOutRunStaysAsItWasWithNoCompletion() throws Exception {
        ImportedTrajectory run = format.read(sample(TERMINUS + "hello-world-timeout.trajectory.json"));

        assertThat(ofKind(run, "command")).extracting(s -> s.path("command").asText())
                .containsExactly("echo 'Hello, world!'\n", "sleep 50\n", "sleep 50\n");
        assertThat(ofKind(run, "command")).allMatch(s -> s.get("exit-code").isNull());
        assertThat(run.steps()).noneMatch(s -> s.path("tool").asText().equals("mark_task_complete"));
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void subTrajectoryReferencesBecomeChildrenWithTheIdsTheirOwnFilesImportAs() throws Exception {
        ImportedTrajectory run = format.read(sample(TERMINUS + "hello-world-context-summarization.trajectory.json"));

        assertThat(run.children()).hasSize(3);
        ImportedTrajectory summary = format.read(sample(TERMINUS
                + "hello-world-context-summarization.trajectory.summarization-1-summary.json"));
        assertThat(run.children().getFirst().trajectoryId()).isEqualTo(summary.trajectoryId());
        assertThat(run.children()).extracting(ImportedTrajectory::taskId).containsExactly(
                "test-session-context-summarization-summarization-1-summary",
                "test-session-context-summarization-summarization-1-questions",
                "test-session-context-summarization-summarization-1-answers");
        List<ObjectNode> refs = ofKind(run, "system-event");
        assertThat(refs).hasSize(3).allMatch(s -> s.path("event").asText().equals("subagent_trajectory_ref"));
        assertThat(refs.getFirst().path("data").asText()).contains("\"trajectory_path\":\"trajectory.summarization-1-"
                + "summary.json\"").contains("\"imported_as\":\"" + summary.trajectoryId() + "\"");
        assertThat(count(run.steps(), "command")).isEqualTo(5);
        assertThat(summary.actor()).isEqualTo(new Actor.Agent("terminus-2-summarization-summary", "2.0.0"));
        assertThat(summary.taskText()).as("the copied context is not the task").startsWith("You are about to hand off");
    }

    @Test
    void aContinuedTrajectoryIsAChildAndJsonRepliesHaveTheirCommands() throws Exception {
        ImportedTrajectory run = format.read(sample(TERMINUS
                + "hello-world-context-summarization-linear-history.trajectory.json"));
        ImportedTrajectory continued = format.read(sample(TERMINUS
                + "hello-world-context-summarization-linear-history.trajectory.cont-1.json"));

        assertThat(run.children()).extracting(ImportedTrajectory::trajectoryId)
                .containsExactly(continued.trajectoryId());
        assertThat(run.steps().getLast().path("event").asText()).isEqualTo("continued_trajectory_ref");
        assertThat(run.steps().getLast().path("data").asText()).isEqualTo("trajectory.cont-1.json -> "
                + continued.trajectoryId());
        assertThat(ofKind(run, "command")).extracting(s -> s.path("command").asText())
                .containsExactly("mkdir test_dir\n", "echo 'test1' > test_dir/file1.txt\n",
                        "echo 'test2' > test_dir/file2.txt\n");
        assertThat(ofKind(run, "command").getFirst().path("stdout").asText())
                .isEqualTo("New Terminal Output:\n\nroot@CONTAINER_ID:/app# mkdir test_dir\n\n\n");
        assertThat(count(run.steps(), "system-event")).as("three references to files not there, one continuation")
                .isEqualTo(4);
        assertThat(continued.steps()).hasSize(12);
        assertThat(ofKind(continued, "command").getLast().path("stdout").asText()).contains("Hello, world!");
    }

    @Test
    void anOpenHandsConversionHasItsEditAsACreatedFileDiff() throws Exception {
        ImportedTrajectory run = format.read(sample("atif-harbor/openhands/hello-world.trajectory.json"));

        assertThat(run.actor()).isEqualTo(new Actor.Agent("openhands", "1.0.0"));
        assertThat(run.model()).isNull();
        ObjectNode edit = ofKind(run, "file-edit").getFirst();
        assertThat(edit.path("path").asText()).isEqualTo("/app/hello.txt");
        assertThat(edit.path("diff").asText()).isEqualTo("--- /dev/null\n+++ b/app/hello.txt\n@@ -0,0 +1,1 @@\n"
                + "+Hello, world!\n\\ No newline at end of file\n");
        ObjectNode answer = ofKind(run, "tool-result").getFirst();
        assertThat(answer.path("call-id").asText()).isEqualTo("call_fake_1");
        assertThat(answer.path("output").asText()).isEqualTo("File created successfully at: /app/hello.txt");
        assertThat(ofKind(run, "tool-call")).extracting(s -> s.path("tool").asText())
                .containsExactly("str_replace_editor", "finish");
        assertThat(run.usage().costUsd()).isEqualTo(0.00135);
        assertThat(run.taskText()).isEqualTo("Create a file called hello.txt with \"Hello, world!\" as the content.\n");
    }

    @Test
    void aTruncatedFileFailsNamingTheFileAndWhere() throws Exception {
        SourceFile whole = sample(TERMINUS + "hello-world-timeout.trajectory.json");
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 4000));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ").hasMessageContaining("not valid JSON");
    }

    @Test
    void aStepOfNoKnownSourceFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("trajectory.json"), ("{\"schema_version\": \"ATIF-v1.6\", "
                + "\"agent\": {\"name\": \"x\"}, \"steps\": [{\"step_id\": 1, \"source\": \"user\", "
                + "\"message\": \"hi\"},"
                + " {\"step_id\": 2, \"source\": \"robot\"}]}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("trajectory.json: $.steps[1].source: expected system, user or agent, found text \"robot\"");
    }

    @Test
    void embeddedSubagentTrajectoriesOfVersionOneSevenAreChildren() throws Exception {
        SourceFile file = new SourceFile(Path.of("v17.json"), ("{\"schema_version\": \"ATIF-v1.7\", \"trajectory_id\": "
                + "\"main\", \"agent\": {\"name\": \"a\", \"model_name\": \"claude-opus-4\"}, \"steps\": "
                + "[{\"step_id\": 1, \"timestamp\": \"2026-01-05T12:00:00+01:00\", \"source\": \"agent\", "
                + "\"message\": [{\"type\": \"text\", "
                + "\"text\": \"delegating\"}], \"subagent_trajectory_ref\": {\"trajectory_id\": \"child\"}}], "
                + "\"subagent_trajectories\": [{\"schema_version\": \"ATIF-v1.7\", \"trajectory_id\": \"child\", "
                + "\"agent\": {\"name\": \"sub\"}, \"steps\": [{\"step_id\": 1, \"source\": \"user\", \"message\": "
                + "\"look\"}]}]}").getBytes(StandardCharsets.UTF_8));

        ImportedTrajectory run = format.read(file);

        assertThat(run.children()).hasSize(1);
        assertThat(run.children().getFirst().taskText()).isEqualTo("look");
        assertThat(run.steps().getFirst().path("content").asText()).isEqualTo("delegating");
        assertThat(run.steps().getFirst().path("time-original").asText()).isEqualTo("2026-01-05T12:00:00+01:00");
        assertThat(run.steps().getFirst().path("time").asLong()).isEqualTo(1767610800000L);
        assertThat(run.steps().get(1).path("data").asText()).contains("\"imported_as\":\""
                + run.children().getFirst().trajectoryId() + "\"");
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-opus-4"));
    }

    @Test
    void editorReplacementsAndInsertionsAreFileEditsWithUnifiedDiffs() throws Exception {
        String calls = "[{\"tool_call_id\": \"c1\", \"function_name\": \"str_replace_editor\", \"arguments\": "
                + "{\"command\": \"str_replace\", \"path\": \"/app/a.py\", \"old_str\": \"x = 1\", "
                + "\"new_str\": \"x = 2\"}}, {\"tool_call_id\": \"c2\", \"function_name\": \"str_replace_editor\", "
                + "\"arguments\": {\"command\": \"insert\", \"path\": \"/app/a.py\", \"insert_line\": 3, "
                + "\"new_str\": \"y = 3\"}}]";
        SourceFile file = new SourceFile(Path.of("edits.json"), ("{\"schema_version\": \"ATIF-v1.5\", \"agent\": "
                + "{\"name\": \"openhands\"}, \"steps\": [{\"step_id\": 1, \"source\": \"agent\", \"message\": "
                + "\"editing\", \"tool_calls\": " + calls + ", \"observation\": {\"results\": ["
                + "{\"source_call_id\": \"c1\", \"content\": \"The file /app/a.py has been edited.\"}, "
                + "{\"source_call_id\": \"c2\", \"content\": \"The file /app/a.py has been edited.\"}]}}]}")
                .getBytes(StandardCharsets.UTF_8));

        List<ObjectNode> edits = format.read(file).steps().stream()
                .filter(s -> s.path("kind").asText().equals("file-edit")).toList();

        assertThat(edits).extracting(s -> s.path("diff").asText()).containsExactly(
                "--- a/app/a.py\n+++ b/app/a.py\n@@ -1,1 +1,1 @@\n-x = 1\n+x = 2\n",
                "--- a/app/a.py\n+++ b/app/a.py\n@@ -3,0 +4,1 @@\n+y = 3\n");
    }

    @Test
    void detectionClaimsAtifButNotItsTrainingTraces() throws Exception {
        assertThat(format.detect(sample(TERMINUS + "hello-world-timeout.trajectory.json"))).isEqualTo(0.99);
        assertThat(format.detect(sample(TERMINUS + "hello-world-invalid-json.traces.json"))).isZero();
        assertThat(format.detect(sample("openhands/runtime-traj.basic.json"))).isZero();
    }
}
