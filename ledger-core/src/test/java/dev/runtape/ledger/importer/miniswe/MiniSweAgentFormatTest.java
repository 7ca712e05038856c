package dev.runtape.ledger.importer.miniswe;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The mini-swe-agent samples of shared/samples/mini-swe-agent: two bare message lists and one mini-swe-agent-1. */
class MiniSweAgentFormatTest {

    private final MiniSweAgentFormat format = new MiniSweAgentFormat();

    @Test
    void aBareListReadsEachBashBlockAsACommandWithTheExitCodeOfItsObservation() throws Exception {
        ImportedTrajectory run = format.read(sample("mini-swe-agent/github_issue.traj.json"));
        List<ObjectNode> steps = run.steps();

        assertThat(steps).hasSize(2 + 10 + 10);
        assertThat(count(steps, "command")).isEqualTo(10);
        List<JsonNode> codes = steps.stream().filter(s -> s.path("kind").asText().equals("command"))
                .map(s -> s.get("exit-code")).toList();
        assertThat(codes).extracting(JsonNode::toString)
                .containsExactly("1", "0", "0", "0", "0", "0", "0", "1", "0", "null");
        ObjectNode second = steps.stream().filter(s -> s.path("kind").asText().equals("command")).skip(1)
                .findFirst().orElseThrow();
        assertThat(second.path("command").asText()).isEqualTo("ls -la");
        assertThat(second.path("stdout").asText()).startsWith("total 44\n");
        assertThat(second.path("parent").asInt()).isEqualTo(second.path("index").asInt() - 1);
        assertThat(run.taskText()).startsWith("Please solve this issue: GitHub Issue: SyntaxError: invalid syntax");
        assertThat(run.finalDiff()).as("the submission, the last observation").startsWith(
                "diff --git a/tests/missing_colon.py b/tests/missing_colon.py");
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(run.model()).isNull();
    }

    @Test
    void theShortBareListHasTwoCommandsTheLastWithNoObservationToTellItsExitCode() throws Exception {
        ImportedTrajectory run = format.read(sample("mini-swe-agent/local.traj.json"));

        assertThat(run.steps()).hasSize(6);
        ObjectNode first = run.steps().get(3);
        assertThat(first.path("command").asText()).isEqualTo("echo 'hello world'");
        assertThat(first.path("exit-code").asInt()).isZero();
        assertThat(first.path("stdout").asText()).isEqualTo("hello world\n");
        assertThat(run.steps().get(5).get("exit-code").isNull()).isTrue();
        assertThat(run.finalDiff()).isNull();
    }

    @Test
    void aMiniSweAgentOneFileKeepsItsModelVersionUsageAndExitStatus() throws Exception {
        ImportedTrajectory run = format.read(sample("mini-swe-agent/harbor-rfc.mini-swe-agent-1.traj.json"));

        assertThat(run.sourceFormat()).isEqualTo("mini-swe-agent-1");
        assertThat(run.actor()).isEqualTo(new Actor.Agent("mini-swe-agent", "1.13.4"));
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-3-5-sonnet-20241022"));
        assertThat(run.steps()).hasSize(2 + 3 + 3 + 1);
        ObjectNode reply = run.steps().get(2);
        assertThat(reply.path("model").asText()).isEqualTo("claude-3-5-sonnet-20241022");
        assertThat(reply.path("usage").path("input-tokens").asLong()).isEqualTo(752);
        assertThat(reply.path("usage").path("output-tokens").asLong()).isEqualTo(69);
        assertThat(run.steps().get(3).path("command").asText()).isEqualTo("echo \"Hello, world!\" > hello.txt");
        assertThat(run.usage().inputTokens()).isEqualTo(2512);
        assertThat(run.usage().outputTokens()).isEqualTo(199);
        assertThat(run.usage().costUsd()).isEqualTo(0.010520999999999999);
        assertThat(run.steps().getLast().path("data").asText()).isEqualTo("Submitted");
        assertThat(run.taskText()).startsWith("Please solve this issue: Create a file called hello.txt");
        assertThat(run.finalDiff()).as("the submission is empty").isNull();
    }

    @Test
    void aVersionTwoToolCallingRunAnswersEachCallWithTheToolMessageThatNamesIt() throws Exception {
        // the shape of mini-swe-agent 2.0's documented output (docs/usage/output_files.md): no public sample exists
        SourceFile file = new SourceFile(Path.of("v2.traj.json"), """
                {"trajectory_format": "mini-swe-agent-1.1",
                 "info": {"mini_version": "2.0.0", "exit_status": "Submitted", "submission": "diff --git a/x b/x\\n",
                          "config": {"model": {"model_name": "openai/gpt-5"}}},
                 "messages": [
                   {"role": "system", "content": "You are a helpful assistant."},
                   {"role": "user", "content": "Fix the failing test."},
                   {"role": "assistant", "content": "Two checks first.", "tool_calls": [
                     {"id": "call_a", "type": "function", "function": {"name": "bash",
                      "arguments": "{\\"command\\": \\"ls\\"}"}},
                     {"id": "call_b", "type": "function", "function": {"name": "bash",
                      "arguments": "{\\"command\\": \\"pytest -q\\"}"}}]},
                   {"role": "tool", "tool_call_id": "call_b",
                    "content": "<returncode>1</returncode>\\n<output>\\n1 failed\\n</output>"},
                   {"role": "tool", "tool_call_id": "call_a",
                    "content": "<returncode>0</returncode>\\n<output>\\nsetup.py\\n</output>"}]}
                """.getBytes(StandardCharsets.UTF_8));

        ImportedTrajectory run = format.read(file);
        List<ObjectNode> commands = run.steps().stream().filter(s -> s.path("kind").asText().equals("command"))
                .toList();

        assertThat(run.sourceFormat()).isEqualTo("mini-swe-agent-1.1");
        assertThat(run.actor()).isEqualTo(new Actor.Agent("mini-swe-agent", "2.0.0"));
        assertThat(commands).extracting(c -> c.path("command").asText()).containsExactly("ls", "pytest -q");
        assertThat(commands).extracting(c -> c.path("exit-code").asInt()).containsExactly(0, 1);
        assertThat(commands.getFirst().path("stdout").asText()).isEqualTo("setup.py\n");
        assertThat(run.steps().stream().filter(s -> s.path("kind").asText().equals("message")))
                .as("the tool messages are outputs, not messages").hasSize(3);
        assertThat(run.finalDiff()).isEqualTo("diff --git a/x b/x\n");
    }

    @Test
    void aTruncatedFileFailsNamingTheFileAndWhere() throws Exception {
        SourceFile whole = sample("mini-swe-agent/local.traj.json");
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 1000));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ");
    }

    @Test
    void aMessageWithoutARoleFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("x.traj.json"),
                "[{\"role\": \"system\", \"content\": \"hi\"}, {\"content\": 3}]".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("x.traj.json: $[1].role: expected text, found nothing");
    }
}
