package dev.runtape.ledger.importer.claudecode;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportResult;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Claude Code sessions of shared/samples/claude-code, with the long session's subagents. */
class ClaudeCodeFormatTest {

    private static final String SESSION = "claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl";

    @TempDir
    Path directory;

    private final ClaudeCodeFormat format = new ClaudeCodeFormat();

    @Test
    void aSubagentTranscriptThatIsNotUtf8IsRefusedNamingItsFileLineAndByte() throws Exception {
        Path session = Files.write(directory.resolve("s1.jsonl"), sample("claude-code/short.jsonl").bytes());
        Path subagent = Files.createDirectories(directory.resolve("s1/subagents")).resolve("agent-x.jsonl");
        byte[] bytes = "{\"type\": \"user\"}\n{\"a\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 4] = (byte) 0xff; // the second byte of é
        Files.write(subagent, bytes);

        assertThatThrownBy(() -> format.read(SourceFile.read(session))).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(subagent + ": line 2, byte ");
    }

    @Test
    void theLongSessionKeepsEveryCallItsCommandsReadsEditsAndTheExitCodesTheTextGives() throws Exception {
        ImportedTrajectory run = format.read(sample(SESSION));

        assertThat(run.count("tool-call")).isEqualTo(150);
        assertThat(run.count("command")).as("67 Bash calls; 3 refused by a hook have no exit code").isEqualTo(64);
        assertThat(run.count("file-read")).isEqualTo(31);
        assertThat(run.count("file-edit")).as("32 Edit and 7 Write").isEqualTo(39);
        assertThat(run.count("reasoning")).isEqualTo(14);
        List<ObjectNode> commands = run.steps().stream().filter(s -> s.path("kind").asText().equals("command"))
                .toList();
        ObjectNode gitAdd = commands.stream().filter(s -> s.path("command").asText().startsWith("git add .beads"))
                .findFirst().orElseThrow();
        assertThat(gitAdd.path("exit-code").asInt()).as("\"Exit code 1\" in the result's text").isEqualTo(1);
        assertThat(commands.stream().filter(s -> s.path("exit-code").asInt(-1) == 128)).hasSize(1);
        assertThat(commands.stream().filter(s -> s.get("exit-code").isNull()))
                .as("a successful Bash call does not say its exit code").hasSize(62);
        ObjectNode call = run.steps().get(gitAdd.path("parent").asInt());
        assertThat(call.path("kind").asText()).isEqualTo("tool-call");
        assertThat(call.path("tool").asText()).isEqualTo("Bash");
        ObjectNode edit = run.steps().stream().filter(s -> s.path("kind").asText().equals("file-edit")).findFirst()
                .orElseThrow();
        assertThat(edit.path("diff").asText()).startsWith("--- /dev/null\n+++ b/home/USER/projects/");
        assertThat(run.steps().stream().filter(s -> s.path("event").asText().equals("compact_boundary")))
                .hasSize(1);
        assertThat(run.steps().getFirst().path("time").asLong())
                .isEqualTo(Instant.parse("2026-02-12T16:02:25.284Z").toEpochMilli());
        assertThat(run.steps().getFirst().path("time-original").asText()).isEqualTo("2026-02-12T16:02:25.284Z");
        assertThat(run.taskId()).isEqualTo("4d5611e5-241a-462a-8d15-5122611a9569");
        assertThat(run.taskText()).startsWith("Work on bead spotter-dov.");
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-opus-4-6"));
        assertThat(run.actor()).isEqualTo(new Actor.Agent("claude-code", "2.1.39"));

        assertThat(run.children()).hasSize(2);
        assertThat(run.children().getFirst().model()).isEqualTo(new Model("anthropic", "claude-sonnet-4-5-20250929"));
        assertThat(run.children().getFirst().count("tool-call")).isEqualTo(33);
        assertThat(run.children()).extracting(ImportedTrajectory::taskId).as("each subagent was given its own task")
                .containsExactly("4d5611e5-241a-462a-8d15-5122611a9569-agent-a2898e3",
                        "4d5611e5-241a-462a-8d15-5122611a9569-agent-acompact-e1f845");
        assertThat(run.children().getFirst().taskText()).startsWith("Very thorough exploration.");
    }

    @Test
    void refusedToolUsesAreErroneousToolResultsLinkedToTheirCalls() throws Exception {
        ImportedTrajectory run = format.read(sample("claude-code/short.jsonl"));

        List<ObjectNode> errors = run.steps().stream().filter(s -> s.path("is-error").asBoolean(false)).toList();
        assertThat(errors).hasSize(2);
        for (ObjectNode error : errors) {
            ObjectNode call = run.steps().get(error.path("parent").asInt());
            assertThat(call.path("call-id").asText()).isEqualTo(error.path("call-id").asText());
        }
        assertThat(run.count("command")).isZero();
        assertThat(run.taskText()).isEqualTo("mix phx.server doesnt seem to start");
        assertThat(run.steps().stream().filter(s -> s.path("event").asText().equals("local_command"))).hasSize(2);
    }

    @Test
    void theToolHeavySessionImports() throws Exception {
        ImportedTrajectory run = format.read(sample("claude-code/tool_heavy.jsonl"));

        assertThat(run.count("tool-call")).isEqualTo(6);
        assertThat(run.count("command")).isEqualTo(2);
        assertThat(run.count("file-read")).isEqualTo(1);
    }

    @Test
    void aSessionAndItsSubagentsImportAsTrajectoriesWithTheSessionAsTheirParent() throws Exception {
        ImportedTrajectory run = format.read(sample(SESSION));
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")))) {
            ImportResult result = new LedgerImporter(node, "importer").write(run);

            assertThat(result.children()).hasSize(2);
            for (ImportResult child : result.children()) {
                assertThat(ImportFixture.started(node, child.trajectoryId()).parent()).isEqualTo(run.trajectoryId());
            }
            assertThat(ImportFixture.storedSteps(node, run.trajectoryId())).hasSize(run.steps().size());
            assertThat(new LedgerImporter(node, "importer").write(format.read(sample(SESSION))).totalEventsStored())
                    .isZero();
        }
    }

    @Test
    void aGarbledLineFailsNamingTheFileAndTheLine() throws Exception {
        SourceFile whole = sample("claude-code/short.jsonl");
        String text = whole.text();
        int cut = text.indexOf('\n', text.indexOf('\n') + 1) + 40; // into the third line
        SourceFile garbled = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), cut));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line 3, column ")
                .hasMessageContaining("not valid JSON");
    }
}
