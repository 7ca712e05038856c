package dev.runtape.ledger.importer.codex;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
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

/** The Codex CLI samples of shared/samples/codex-cli (sanitized 0.104 rollouts) and the unredacted shapes. */
class CodexRolloutFormatTest {

    private static final String SHORT =
            "codex-cli/rollout-2026-02-23T20-34-25-019c8bfe-ec25-79e0-97d7-bda6a9c575ff.jsonl";
    private static final String LONG =
            "codex-cli/rollout-2026-02-23T12-47-42-019c8a53-a0dd-7130-bcd7-95445d84846a.jsonl";
    private static final String UNFINISHED =
            "codex-cli/rollout-2026-02-23T13-19-38-019c8a70-dda7-7f33-98ea-f30553347322.jsonl";
    private final CodexRolloutFormat format = new CodexRolloutFormat();

    private static List<ObjectNode> ofKind(ImportedTrajectory run, String kind) {
        return run.steps().stream().filter(s -> s.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void aCompleteTaskKeepsItsMessagesReasoningCallsAndUsage() throws Exception {
        ImportedTrajectory run = format.read(sample(SHORT));

        assertThat(run.steps()).hasSize(31);
        assertThat(count(run.steps(), "message")).isEqualTo(13);
        assertThat(count(run.steps(), "reasoning")).isEqualTo(6);
        assertThat(count(run.steps(), "tool-call")).isEqualTo(5);
        assertThat(count(run.steps(), "tool-result")).as("redacted arguments: no command to tell").isEqualTo(5);
        assertThat(ofKind(run, "message")).filteredOn(s -> s.path("role").asText().equals("system")).hasSize(4);
        ObjectNode call = ofKind(run, "tool-call").getFirst();
        assertThat(call.path("call-id").asText()).isEqualTo("call_OIMY41RetdVChp5U51mMLGOD");
        assertThat(call.path("tool").asText()).isEqualTo("mcp__cloud-associates__search_workflows");
        assertThat(call.path("time-original").asText()).isEqualTo("2026-02-23T19:34:39.357Z");
        ObjectNode result = ofKind(run, "tool-result").getFirst();
        assertThat(result.path("call-id").asText()).isEqualTo("call_OIMY41RetdVChp5U51mMLGOD");
        assertThat(result.path("parent").asInt()).isEqualTo(call.path("index").asInt());
        assertThat(result.path("output").asText()).isEqualTo("[REDACTED_OUTPUT len=4215 sha=9a9d94de]");
        ObjectNode firstReply = run.steps().stream().filter(s -> s.has("usage")).findFirst().orElseThrow();
        assertThat(firstReply.path("kind").asText()).as("the turn's first output carries its usage")
                .isEqualTo("reasoning");
        assertThat(firstReply.path("usage").path("input-tokens").asLong()).isEqualTo(42772);
        assertThat(firstReply.path("usage").path("cache-read-tokens").asLong()).isEqualTo(3456);
        assertThat(run.taskId()).isEqualTo("019c8bfe-ec25-79e0-97d7-bda6a9c575ff");
        assertThat(run.taskText()).isEqualTo("[REDACTED_MESSAGE len=98 sha=c002ff99]");
        assertThat(run.model()).isEqualTo(new Model("openai", "gpt-5.3-codex"));
        assertThat(run.actor()).isEqualTo(new Actor.Agent("codex", "0.104.0-alpha.1"));
        assertThat(run.repository()).isEqualTo(new Repository("redacted://url/4eecca0551",
                "19f8748648146d82ee1ad92387fc9d93613f022b", "main", null));
        assertThat(run.started()).isEqualTo(Instant.parse("2026-02-23T19:34:26.098Z"));
        assertThat(run.usage().inputTokens()).isEqualTo(298373);
        assertThat(run.usage().outputTokens()).isEqualTo(1123);
        assertThat(run.usage().cacheReadTokens()).isEqualTo(238848);
        assertThat(ofKind(run, "system-event")).extracting(s -> s.path("event").asText())
                .containsExactly("task_started", "task_complete");
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(run.blockers()).isEmpty();
    }

    @Test
    void anUnfinishedSessionIsAbortedNamingTheTurnAndTheCallWithoutOutput() throws Exception {
        ImportedTrajectory run = format.read(sample(UNFINISHED));

        assertThat(run.steps()).hasSize(12);
        assertThat(run.steps().getLast().path("kind").asText()).isEqualTo("tool-call");
        assertThat(run.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(run.blockers()).containsExactly("turn 019c8a70-ebe7-7e83-92b2-f77ddd49c5f9 did not complete",
                "call call_UtYwHmwWekzvq83m8Rb9K8jJ (exec_command) has no output");
    }

    @Test
    void theLongSessionHasEveryTurnAndCall() throws Exception {
        ImportedTrajectory run = format.read(sample(LONG));

        assertThat(run.steps()).hasSize(457);
        assertThat(count(run.steps(), "tool-call")).isEqualTo(144);
        assertThat(count(run.steps(), "command")).as("117 of the 118 exec_command calls have an output")
                .isEqualTo(117);
        assertThat(count(run.steps(), "tool-result")).as("write_stdin, update_plan, apply_patch").isEqualTo(143 - 117);
        ObjectNode command = ofKind(run, "command").getFirst();
        assertThat(command.path("command").asText()).as("redacted: the arguments as written").startsWith(
                "[REDACTED_ARGUMENTS len=");
        assertThat(command.get("exit-code").isNull()).as("a redacted output tells no exit code").isTrue();
        assertThat(ofKind(run, "tool-call")).filteredOn(s -> s.path("tool").asText().equals("apply_patch")).hasSize(10);
        assertThat(ofKind(run, "system-event")).filteredOn(s -> s.path("event").asText().equals("task_complete"))
                .hasSize(5);
        assertThat(run.blockers()).contains("call call_BpTazJ89W9PntRqGPwDNfwEY (exec_command) has no output");
        assertThat(run.usage().inputTokens()).isEqualTo(6740973);
        assertThat(run.usage().outputTokens()).isEqualTo(36950);
    }

    @Test
    void anUnredactedCommandHasItsExitCodeAndAPatchItsFileEdits() throws Exception {
        String patch = "*** Begin Patch\\n*** Update File: src/a.py\\n@@\\n-x = 1\\n+x = 2\\n*** Add File: b.txt\\n"
                + "+hi\\n*** End Patch\\n";
        String text = String.join("\n",
                "{\"timestamp\":\"2026-01-01T10:00:00.000Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s1\","
                        + "\"cwd\":\"/repo\",\"cli_version\":\"0.50.0\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:01.000Z\",\"type\":\"turn_context\",\"payload\":{\"model\":"
                        + "\"gpt-5-codex\",\"cwd\":\"/repo\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:02.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                        + "\"function_call\",\"name\":\"exec_command\",\"arguments\":"
                        + "\"{\\\"cmd\\\":\\\"pytest -q\\\"}\","
                        + "\"call_id\":\"c1\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:04.500Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                        + "\"function_call_output\",\"call_id\":\"c1\",\"output\":\"Chunk ID: 1\\n"
                        + "Wall time: 2.4 seconds\\nProcess exited with code 1\\nOutput:\\nFAILED t.py::test_a\\n"
                        + "== 1 failed, 3 passed in 0.20s =="
                        + "\\n\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:05.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                        + "\"function_call\",\"name\":\"shell\",\"arguments\":"
                        + "\"{\\\"command\\\":[\\\"bash\\\",\\\"-lc\\\","
                        + "\\\"ls\\\"],\\\"workdir\\\":\\\"/repo/src\\\"}\",\"call_id\":\"c2\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:06.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                        + "\"function_call_output\",\"call_id\":\"c2\",\"output\":\"{\\\"output\\\":\\\"a.py\\\\n\\\","
                        + "\\\"metadata\\\":{\\\"exit_code\\\":0,\\\"duration_seconds\\\":0.3}}\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:07.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                        + "\"custom_tool_call\",\"name\":\"apply_patch\",\"input\":\"" + patch
                        + "\",\"call_id\":\"c3\"}}",
                "{\"timestamp\":\"2026-01-01T10:00:08.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                        + "\"custom_tool_call_output\",\"call_id\":\"c3\",\"output\":\"Success. Updated the following "
                        + "files:\\nM src/a.py\\nA b.txt\\n\"}}");
        ImportedTrajectory run = format.read(new SourceFile(Path.of("rollout-x.jsonl"),
                text.getBytes(StandardCharsets.UTF_8)));

        List<ObjectNode> commands = ofKind(run, "command");
        assertThat(commands).extracting(s -> s.path("command").asText()).containsExactly("pytest -q", "ls");
        assertThat(commands.getFirst().path("exit-code").asInt()).isEqualTo(1);
        assertThat(commands.getFirst().path("cwd").asText()).isEqualTo("/repo");
        assertThat(commands.getFirst().path("duration").asLong()).isEqualTo(2500);
        assertThat(commands.get(1).path("exit-code").asInt()).isZero();
        assertThat(commands.get(1).path("cwd").asText()).isEqualTo("/repo/src");
        assertThat(commands.get(1).path("stdout").asText()).isEqualTo("a.py\n");
        assertThat(commands.get(1).path("duration").asLong()).isEqualTo(300);
        ObjectNode tests = ofKind(run, "test-run").getFirst();
        assertThat(tests.path("failed").asLong()).isEqualTo(1);
        assertThat(tests.path("passed").asLong()).isEqualTo(3);
        List<ObjectNode> edits = ofKind(run, "file-edit");
        assertThat(edits).extracting(s -> s.path("path").asText()).containsExactly("src/a.py", "b.txt");
        assertThat(edits.getFirst().path("diff").asText()).isEqualTo("""
                --- a/src/a.py
                +++ b/src/a.py
                @@ -1,1 +1,1 @@
                -x = 1
                +x = 2
                """);
        assertThat(edits.get(1).path("diff").asText()).isEqualTo("--- /dev/null\n+++ b/b.txt\n@@ -0,0 +1,1 @@\n+hi\n");
        assertThat(ofKind(run, "tool-result").getFirst().path("output").asText()).startsWith("Success.");
        assertThat(run.model()).isEqualTo(new Model("openai", "gpt-5-codex"));
    }

    @Test
    void aTruncatedFileFailsNamingTheFileAndWhere() throws Exception {
        SourceFile whole = sample(UNFINISHED);
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 3000));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ").hasMessageContaining("column")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aLineWithoutAPayloadFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("rollout-y.jsonl"), ("{\"type\":\"session_meta\",\"payload\":"
                + "{\"id\":\"s\"}}\n{\"timestamp\":\"2026-01-01T10:00:00Z\",\"type\":\"response_item\"}\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("rollout-y.jsonl: line 2.payload: expected an object, found nothing");
    }

    @Test
    void detectionClaimsRolloutsOnly() throws Exception {
        assertThat(format.detect(sample(SHORT))).isEqualTo(0.95);
        assertThat(format.detect(sample("codex-cli/sanitization-manifest.json"))).isZero();
        assertThat(format.detect(sample("claude-code/short.jsonl"))).isZero();
        assertThat(format.detect(sample("openhands/resolver-mock.output.jsonl"))).isZero();
    }
}
