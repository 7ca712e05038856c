package dev.runtape.ledger.importer.gemini;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gemini CLI session of shared/samples/gemini-cli, and the tool calls a session records. */
class GeminiCliFormatTest {

    private static final String SAMPLE = "gemini-cli/harbor-rfc.gemini-cli-session.json";

    private final GeminiCliFormat format = new GeminiCliFormat();

    @Test
    void theSampleSessionIsItsTaskAndTheReplyWithModelTokensAndTimes() throws Exception {
        ImportedTrajectory run = format.read(sample(SAMPLE));
        List<ObjectNode> steps = run.steps();

        assertThat(steps).hasSize(2);
        assertThat(run.count("message")).isEqualTo(2);
        assertThat(run.taskId()).isEqualTo("cdd63974-c2a3-4f1c-931d-cce1db22ec03");
        assertThat(run.taskText()).isEqualTo("Create a file called hello.txt with \"Hello, world!\" as the content.\n");
        ObjectNode task = steps.get(0);
        assertThat(task.path("role").asText()).isEqualTo("user");
        assertThat(task.path("time").asLong()).isEqualTo(1760079579894L);
        assertThat(task.path("time-original").asText()).isEqualTo("2025-10-10T06:59:39.894Z");
        ObjectNode reply = steps.get(1);
        assertThat(reply.path("role").asText()).isEqualTo("assistant");
        assertThat(reply.path("content").asText())
                .isEqualTo("Okay, I've created the file `/app/hello.txt` with the content \"Hello, world!\".");
        assertThat(reply.path("model").asText()).isEqualTo("gemini-2.0-flash");
        assertThat(reply.path("time").asLong()).isEqualTo(1760079581751L);
        assertThat(reply.path("usage").path("input-tokens").asLong()).isEqualTo(5915);
        assertThat(reply.path("usage").path("output-tokens").asLong()).isEqualTo(24);
        assertThat(run.usage().inputTokens()).isEqualTo(5915);
        assertThat(run.usage().cacheReadTokens()).isZero();
        assertThat(run.model()).isEqualTo(new Model("google", "gemini-2.0-flash"));
        assertThat(run.actor()).isEqualTo(new Actor.Agent("gemini-cli", null));
        assertThat(run.started()).isEqualTo(Instant.parse("2025-10-10T06:59:39.894Z"));
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(run.trajectoryId()).startsWith("gemini-cli-session-");
    }

    @Test
    void toolCallsBecomeCommandsEditsAndReadsParentTheirCall() throws Exception {
        String session = """
                {"sessionId": "s1", "projectHash": "p", "startTime": "2025-10-10T07:00:00.000Z", "messages": [
                 {"id": "u", "timestamp": "2025-10-10T07:00:00.000Z", "type": "user", "content": "fix it"},
                 {"id": "g", "timestamp": "2025-10-10T07:00:01.000Z", "type": "gemini", "content": "",
                  "thoughts": [{"subject": "Plan", "description": "run the tests",
                                "timestamp": "2025-10-10T07:00:00.500Z"}],
                  "model": "gemini-2.5-pro", "tokens": {"input": 10, "output": 5, "cached": 2, "thoughts": 3},
                  "toolCalls": [
                   {"id": "c1", "name": "run_shell_command", "args": {"command": "pytest -q", "directory": "app"},
                    "status": "success", "timestamp": "2025-10-10T07:00:02.000Z",
                    "result": [{"functionResponse": {"id": "c1", "name": "run_shell_command", "response":
                      {"output": "Command: pytest -q\\nStdout: ..F\\n1 failed, 2 passed in 0.10s\\nExit Code: 1"}}}]},
                   {"id": "c2", "name": "replace", "status": "success",
                    "args": {"file_path": "/app/a.py", "old_string": "x = 1\\ny = 2\\n", "new_string": "x = 1\\ny = 3\\n"},
                    "result": [{"functionResponse": {"response": {"output": "Edited /app/a.py"}}}]},
                   {"id": "c3", "name": "read_file", "status": "error", "args": {"absolute_path": "/app/b.py"},
                    "result": [{"functionResponse": {"response": {"error": "no such file"}}}]}]},
                 {"id": "i", "timestamp": "2025-10-10T07:00:03.000Z", "type": "info", "content": "cancelled"}]}
                """;
        ImportedTrajectory run = format.read(new SourceFile(Path.of("session.json"),
                session.getBytes(StandardCharsets.UTF_8)));
        List<ObjectNode> steps = run.steps();

        assertThat(steps).extracting(s -> s.path("kind").asText()).containsExactly("message", "reasoning",
                "tool-call", "command", "test-run", "tool-call", "file-edit", "tool-result", "tool-call",
                "tool-result", "system-event");
        assertThat(steps.get(1).path("content").asText()).isEqualTo("Plan\n\nrun the tests");
        assertThat(steps.get(1).path("usage").path("output-tokens").asLong()).as("output and thoughts").isEqualTo(8);
        ObjectNode command = steps.get(3);
        assertThat(command.path("command").asText()).isEqualTo("pytest -q");
        assertThat(command.path("exit-code").asInt()).isEqualTo(1);
        assertThat(command.path("cwd").asText()).isEqualTo("app");
        assertThat(command.path("parent").asInt()).isEqualTo(2);
        assertThat(steps.get(4).path("failed").asLong()).isEqualTo(1);
        assertThat(steps.get(6).path("diff").asText())
                .isEqualTo("--- a/app/a.py\n+++ b/app/a.py\n@@ -1,2 +1,2 @@\n x = 1\n-y = 2\n+y = 3\n");
        assertThat(steps.get(9).path("is-error").asBoolean()).isTrue();
        assertThat(steps.get(9).path("output").asText()).isEqualTo("no such file");
        assertThat(steps.get(10).path("event").asText()).isEqualTo("info");
    }

    @Test
    void aTruncatedSessionFailsNamingTheFileAndWhere() throws Exception {
        SourceFile whole = sample(SAMPLE);
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 600));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ");
    }

    @Test
    void aMessageWithoutATypeFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("s.json"),
                "{\"sessionId\": \"s\", \"messages\": [{\"content\": \"hi\"}]}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("s.json: $.messages[0].type: expected text, found nothing");
    }

    @Test
    void detectionIsSureOfTheSampleAndNotOfAClaudeCodeSession() throws Exception {
        assertThat(format.detect(sample(SAMPLE))).isGreaterThan(0.9);
        assertThat(format.detect(sample("claude-code/short.jsonl"))).isZero();
    }
}
