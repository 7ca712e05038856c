package dev.runtape.ledger.importer.openhands;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.common.Repository;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenHands samples of shared/samples/openhands: four event streams and two evaluation outputs. */
class OpenHandsFormatTest {

    private final OpenHandsFormat format = new OpenHandsFormat();

    private static List<ObjectNode> ofKind(ImportedTrajectory run, String kind) {
        return run.steps().stream().filter(s -> s.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void anEventStreamReadsTheCallItsCommandAndTheFinish() throws Exception {
        ImportedTrajectory run = format.read(sample("openhands/harbor-rfc.openhands_events.json"));
        List<ObjectNode> steps = run.steps();

        assertThat(steps).hasSize(8);
        assertThat(count(steps, "message")).isEqualTo(3);
        assertThat(count(steps, "system-event")).isEqualTo(2);
        assertThat(count(steps, "tool-call")).isEqualTo(2);
        ObjectNode call = steps.get(4);
        assertThat(call.path("call-id").asText()).isEqualTo("call_ruehvjC2P8Qd6aIW5wqdqL7J");
        assertThat(call.path("tool").asText()).isEqualTo("execute_bash");
        ObjectNode command = steps.get(5);
        assertThat(command.path("kind").asText()).isEqualTo("command");
        assertThat(command.path("command").asText()).startsWith("printf 'Hello, world!\\n' > hello.txt");
        assertThat(command.path("exit-code").asInt()).isZero();
        assertThat(command.path("cwd").asText()).isEqualTo("/app");
        assertThat(command.path("stdout").asText()).isEqualTo("Created /app/hello.txt\nSize: 14 bytes\nContent: "
                + "Hello, world!");
        assertThat(command.path("parent").asInt()).isEqualTo(4);
        assertThat(command.path("duration").asLong()).isEqualTo(689);
        assertThat(command.path("time-original").asText()).isEqualTo("2025-10-10T06:10:39.080817");
        assertThat(command.path("time").asLong()).isEqualTo(Instant.parse("2025-10-10T06:10:39.080Z").toEpochMilli());
        assertThat(steps.get(7).path("content").asText()).startsWith("Created /app/hello.txt with the requested");
        assertThat(steps.get(7).path("parent").asInt()).isEqualTo(6);
        assertThat(run.taskText()).isEqualTo("Create a file called hello.txt with \"Hello, world!\" as the content.\n");
        assertThat(run.model()).isEqualTo(new Model("openai", "gpt-5-2025-08-07"));
        assertThat(run.usage().inputTokens()).isEqualTo(11859);
        assertThat(run.usage().outputTokens()).isEqualTo(1086);
        assertThat(run.usage().cacheReadTokens()).isEqualTo(5632);
        assertThat(run.usage().costUsd()).isEqualTo(0.01934775);
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(run.finalDiff()).isNull();
    }

    @Test
    void anEditIsAFileEditWithItsUnifiedDiffThenTheToolsAnswer() throws Exception {
        ImportedTrajectory run = format.read(sample("openhands/runtime-traj.basic.json"));

        assertThat(run.steps()).hasSize(7);
        ObjectNode edit = ofKind(run, "file-edit").getFirst();
        assertThat(edit.path("path").asText()).isEqualTo("/workspace/game_2048.py");
        assertThat(edit.path("diff").asText()).startsWith("--- /workspace/game_2048.py\n+++ /workspace/game_2048.py\n"
                + "@@ -0,0 +1,2 @@\n+import random\n");
        ObjectNode call = run.steps().get(edit.path("parent").asInt());
        assertThat(call.path("tool").asText()).isEqualTo("str_replace_editor");
        assertThat(call.path("call-id").asText()).isEqualTo("toolu_017nBp7UfiGqyrA7j77HgtFP");
        ObjectNode answer = ofKind(run, "tool-result").getFirst();
        assertThat(answer.path("output").asText()).isEqualTo("File created successfully at: /workspace/game_2048.py");
        assertThat(answer.path("call-id").asText()).isEqualTo("toolu_017nBp7UfiGqyrA7j77HgtFP");
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-3-5-sonnet-20241022"));
        assertThat(run.steps().get(1).path("content").asText()).startsWith("I'll help you create a simple 2048 game");
        assertThat(run.steps().get(1).path("usage").path("input-tokens").asLong()).isPositive();
    }

    @Test
    void aChatIsItsMessagesAndAReadIsAFileRead() throws Exception {
        ImportedTrajectory chat = format.read(sample("openhands/runtime-traj.basic_interactions.json"));

        assertThat(count(chat.steps(), "message")).isEqualTo(6);
        assertThat(chat.steps()).extracting(s -> s.path("role").asText("")).startsWith("user", "assistant", "user");
        assertThat(chat.steps().get(1).path("content").asText()).isEqualTo("1 + 1 equals 2.");
        assertThat(chat.model()).isEqualTo(new Model("openai", "gpt-4o-2024-08-06"));

        ImportedTrajectory rename = format.read(sample("openhands/runtime-traj.wrong_initial_state.json"));
        assertThat(count(rename.steps(), "file-read")).isEqualTo(2);
        assertThat(count(rename.steps(), "tool-call")).isEqualTo(4);
        ObjectNode mv = ofKind(rename, "command").getFirst();
        assertThat(mv.path("command").asText()).isEqualTo("mv /workspace/game_2048.py /workspace/2048.py");
        assertThat(mv.path("exit-code").asInt()).isZero();
        assertThat(ofKind(rename, "file-read").getLast().path("content").asText()).endsWith("/workspace/2048.py");
    }

    @Test
    void anEvaluationOutputIsOneChildPerInstanceWithItsPatchAndTheFailedRunAborted() throws Exception {
        ImportedTrajectory file = format.read(sample("openhands/multi_swe_bench.output.jsonl"));

        assertThat(file.children()).hasSize(3);
        assertThat(file.steps()).extracting(s -> s.path("data").asText()).containsExactly(
                "ponylang__ponyc-4595: unknown", "ponylang__ponyc-4593: unknown",
                "ponylang__ponyc-4588: aborted (RuntimeError: Agent reached maximum iteration in headless mode. "
                        + "Current iteration: 50, max iteration: 50)");
        ImportedTrajectory first = file.children().getFirst();
        assertThat(first.taskId()).isEqualTo("ponylang__ponyc-4595");
        assertThat(first.taskText()).startsWith("<uploaded_files>\n/workspace/ponylang__ponyc__0.1\n</uploaded_files>");
        assertThat(first.model()).isEqualTo(new Model("openai", "openrouter-llama-4-maverick"));
        assertThat(first.repository()).isEqualTo(new Repository("https://github.com/ponylang/ponyc",
                "f8a2feebba3aea298bde89d445ad35ca48602ca7", null, null));
        assertThat(first.finalDiff()).startsWith("diff --git a/src/libponyc/ast/parser.c b/src/libponyc/ast/parser.c");
        assertThat(count(first.steps(), "command")).isEqualTo(13);
        assertThat(count(first.steps(), "file-read")).isEqualTo(6);
        assertThat(count(first.steps(), "reasoning")).isEqualTo(1);
        assertThat(ofKind(first, "command")).extracting(s -> s.get("exit-code").asInt())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 127, 2, 2, 127, 0, 127);
        ObjectNode make = ofKind(first, "command").get(8);
        assertThat(make.path("command").asText()).isEqualTo("cd /workspace/ponylang__ponyc__0.1 && make");
        assertThat(first.usage().inputTokens()).isEqualTo(565158);
        assertThat(first.usage().outputTokens()).isEqualTo(2558);
        assertThat(first.outcome()).isEqualTo(Outcome.UNKNOWN);

        ImportedTrajectory failed = file.children().get(2);
        assertThat(failed.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(failed.blockers()).containsExactly("RuntimeError: Agent reached maximum iteration in headless mode."
                + " Current iteration: 50, max iteration: 50");
        assertThat(ofKind(failed, "command")).extracting(s -> s.get("exit-code").asInt()).contains(100, 1, 2);
        assertThat(failed.steps().getLast().path("event").asText()).isEqualTo("error");
        assertThat(ofKind(failed, "tool-result")).filteredOn(s -> s.path("is-error").asBoolean()).hasSize(12);
    }

    @Test
    void aResolverOutputKeepsTheIssueThePatchTheCostAndItsSuccess() throws Exception {
        ImportedTrajectory file = format.read(sample("openhands/resolver-mock.output.jsonl"));

        assertThat(file.children()).hasSize(2);
        ImportedTrajectory license = file.children().getFirst();
        assertThat(license.taskId()).isEqualTo("neubig__pr-viewer-5");
        assertThat(license.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(license.finalDiff().lines().findFirst()).contains("diff --git a/LICENSE b/LICENSE");
        assertThat(license.usage().costUsd()).isEqualTo(0.070713);
        assertThat(license.taskText()).startsWith("Please fix the following issue for the repository in /workspace.");
        List<ObjectNode> commands = ofKind(license, "command");
        assertThat(commands).extracting(s -> s.path("command").asText()).containsExactly("touch LICENSE",
                "cat LICENSE");
        assertThat(commands).extracting(s -> s.get("exit-code").asInt()).containsExactly(0, 0);
        ObjectNode ipython = ofKind(license, "tool-call").getFirst();
        assertThat(ipython.path("tool").asText()).isEqualTo("run_ipython");
        ObjectNode result = ofKind(license, "tool-result").getFirst();
        assertThat(result.path("call-id").asText()).isEqualTo(ipython.path("call-id").asText());
        assertThat(result.path("output").asText()).startsWith("MIT License has been added to the LICENSE file.");
        assertThat(license.steps().getLast().path("event").asText()).isEqualTo("result_explanation");
    }

    @Test
    void aTruncatedFileFailsNamingTheFileAndWhere() throws Exception {
        SourceFile whole = sample("openhands/runtime-traj.basic_interactions.json");
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 1500));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ").hasMessageContaining("not valid JSON");

        SourceFile lines = sample("openhands/resolver-mock.output.jsonl");
        SourceFile cutLines = new SourceFile(lines.path(), Arrays.copyOf(lines.bytes(), 5000));
        assertThatThrownBy(() -> format.read(cutLines)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(lines.path() + ": line 1, column ");
    }

    @Test
    void anEventThatIsNeitherActionNorObservationFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("events.json"), ("[{\"id\": 0, \"source\": \"user\", \"action\": "
                + "\"message\", \"args\": {\"content\": \"hi\"}}, {\"id\": 1, \"source\": \"agent\"}]")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("events.json: $[1]: expected an action or an observation, found neither");
    }

    @Test
    void detectionClaimsEventStreamsAndOutputLinesOnly() throws Exception {
        assertThat(format.detect(sample("openhands/runtime-traj.basic.json"))).isPositive();
        assertThat(format.detect(sample("openhands/multi_swe_bench.output.jsonl"))).isPositive();
        assertThat(format.detect(sample("mini-swe-agent/local.traj.json"))).isZero();
        assertThat(format.detect(sample("claude-code/short.jsonl"))).isZero();
    }
}
