package dev.runtape.ledger.importer.vac;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportResult;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.schemas.cddl.Failure;
import dev.runtape.schemas.cddl.Schema;
import dev.runtape.testing.SharedFiles;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Samples of other formats exported as VAC records: valid against the draft's {@code verifiable-agent-record}, and
 * read back by {@code vac-record} as the same trajectory.
 */
class VacRecordsTest {

    private static Schema schema;

    @TempDir
    Path dir;

    private final VacRecordFormat format = new VacRecordFormat();

    @BeforeAll
    static void compile() throws Exception {
        schema = Schema.compile("agent-conversation.cddl", new String(SharedFiles.readVector(
                "cddl/verifiable-agent-conversations.agent-conversation.cddl"), StandardCharsets.UTF_8));
    }

    private static List<String> failures(JsonNode record) {
        return schema.validator("verifiable-agent-record").validate(record).failures().stream()
                .map(Failure::toString).toList();
    }

    /** Equal as JSON values: members in any order, numbers by value (a long read back may be an int). */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private ImportedTrajectory original(String file) throws Exception {
        SourceFile source = sample(file);
        return ImportFormats.detector().read(source, null);
    }

    private SourceFile written(ObjectNode record) throws Exception {
        Path file = dir.resolve("record.vac.json");
        Files.write(file, VacRecords.write(record));
        return SourceFile.read(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "swe-agent/pydicom__pydicom-1458.traj",
        "claude-code/tool_heavy.jsonl",
        "claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl",
        "aider/chat-history.excerpt.md",
        "gemini-cli/harbor-rfc.gemini-cli-session.json",
        "openhands/runtime-traj.basic.json",
        "human-computer-use/opencua-agentnet/raw-recording-2c05b837/events.jsonl",
    })
    void anExportedSampleIsAValidRecordThatReadsBackAsTheSameTrajectory(String file) throws Exception {
        ImportedTrajectory run = original(file);
        ObjectNode record = VacRecords.export(run);

        assertThat(failures(record)).as("failures against verifiable-agent-record").isEmpty();
        assertThat(record.path("session").path("entries").size()).isEqualTo(run.steps().size());

        SourceFile written = written(record);
        assertThat(ImportFormats.detector().choose(written, null).name()).isEqualTo("vac-record");
        ImportedTrajectory back = format.read(written);
        assertSame(run, back);
    }

    /**
     * What is compared: the steps one by one (kind, every member, order: as JSON values), task id and text, task
     * family, actor, model, repository, start, outcome, blockers, final diff, usage, and the children the same way.
     * Not compared: the trajectory id (the record file's digest) and the source format ("vac-record").
     */
    private static void assertSame(ImportedTrajectory run, ImportedTrajectory back) {
        List<ObjectNode> steps = run.steps();
        List<ObjectNode> read = back.steps();
        assertThat(read).hasSameSizeAs(steps);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(read.get(i).equals(BY_VALUE, steps.get(i)))
                    .as("step %d: expected %s, read back %s", i, steps.get(i), read.get(i)).isTrue();
        }
        assertThat(back.sourceFormat()).isEqualTo("vac-record");
        assertThat(back.taskId()).isEqualTo(run.taskId());
        assertThat(back.taskText()).isEqualTo(run.taskText());
        assertThat(back.taskFamily()).isEqualTo(run.taskFamily());
        assertThat(back.actor()).isEqualTo(run.actor());
        assertThat(back.model()).isEqualTo(run.model());
        assertThat(back.repository()).isEqualTo(run.repository());
        assertThat(back.started()).isEqualTo(run.started());
        assertThat(back.outcome()).isEqualTo(run.outcome());
        assertThat(back.blockers()).isEqualTo(run.blockers());
        assertThat(back.finalDiff()).isEqualTo(run.finalDiff());
        assertThat(back.usage()).isEqualTo(run.usage());
        assertThat(back.children()).hasSameSizeAs(run.children());
        for (int i = 0; i < run.children().size(); i++) {
            assertSame(run.children().get(i), back.children().get(i));
        }
    }

    @Test
    void theSessionHoldsTheModelAgentAndTaskAndTypedStepsKeepTheirMembers() throws Exception {
        ImportedTrajectory run = original("swe-agent/pydicom__pydicom-1458.traj");
        ObjectNode record = VacRecords.export(run);
        JsonNode session = record.path("session");

        assertThat(record.path("version").asText()).isEqualTo("3.0");
        assertThat(record.path("id").asText()).isEqualTo(run.trajectoryId());
        assertThat(session.path("session-id").asText()).isEqualTo(run.taskId());
        assertThat(session.path("agent-meta").path("model-id").asText()).isEqualTo(run.model().id());
        assertThat(session.path("agent-meta").path("cli-name").asText())
                .isEqualTo(((Actor.Agent) run.actor()).agent());
        JsonNode command = null;
        for (JsonNode entry : session.path("entries")) {
            if (entry.path("runtape-kind").asText().equals("command")) {
                command = entry;
                break;
            }
        }
        assertThat(command).isNotNull();
        assertThat(command.path("type").asText()).isEqualTo("tool-result");
        assertThat(command.has("command")).isTrue();
        assertThat(command.has("exit-code")).isTrue();

        ((ObjectNode) session.path("agent-meta")).remove("model-id");
        assertThat(failures(record)).as("the validator sees a record without a model").isNotEmpty();
    }

    @Test
    void subagentsAreChildRecordsReadBackAsChildren() throws Exception {
        ImportedTrajectory run = original("claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl");
        ObjectNode record = VacRecords.export(run);

        assertThat(run.children()).isNotEmpty();
        assertThat(record.path("session").path("runtape-children").size()).isEqualTo(run.children().size());
        assertThat(format.read(written(record)).children()).hasSameSizeAs(run.children());
    }

    @Test
    void aRecordFromElsewhereMapsByEntryTypeWithChildrenAfterTheirEntry() throws Exception {
        String record = """
                {"version": "3.0", "id": "rec-2", "session": {"session-id": "s-42",
                 "session-start": "2025-11-22T03:00:00Z",
                 "agent-meta": {"model-id": "claude-opus-4-5-20251101", "model-provider": "anthropic",
                                "cli-name": "claude-code", "cli-version": "2.0.1"},
                 "entries": [
                  {"type": "user", "content": "List the files", "timestamp": "2025-11-22T03:00:01Z", "id": "e1"},
                  {"type": "assistant", "content": [{"type": "text", "text": "Running ls"}], "id": "e2",
                   "parent-id": "e1", "model-id": "claude-opus-4-5-20251101", "token-usage": {"input": 120},
                   "children": [{"type": "tool-call", "name": "Bash", "input": {"command": "ls"}, "call-id": "c1"}]},
                  {"type": "tool-result", "output": "README.md\\n", "call-id": "c1", "is-error": false},
                  {"type": "reasoning", "content": "short", "subject": "plan"},
                  {"type": "system-event", "event-type": "compaction", "data": {"before": 1000},
                   "timestamp": 1763780402000}]}}
                """;
        ImportedTrajectory run = format.read(new SourceFile(Path.of("r.json"),
                record.getBytes(StandardCharsets.UTF_8)));
        List<ObjectNode> steps = run.steps();

        assertThat(steps).extracting(s -> s.path("kind").asText()).containsExactly("message", "message",
                "tool-call", "tool-result", "reasoning", "system-event");
        assertThat(run.taskId()).isEqualTo("s-42");
        assertThat(run.taskText()).isEqualTo("List the files");
        assertThat(run.actor()).isEqualTo(new Actor.Agent("claude-code", "2.0.1"));
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-opus-4-5-20251101"));
        assertThat(run.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(steps.get(0).path("time").asLong()).isEqualTo(1763780401000L);
        assertThat(steps.get(0).path("time-original").asText()).isEqualTo("2025-11-22T03:00:01Z");
        assertThat(steps.get(1).path("content").asText()).isEqualTo("Running ls");
        assertThat(steps.get(1).path("parent").asInt()).isZero();
        assertThat(steps.get(1).path("usage").path("input-tokens").asInt()).isEqualTo(120);
        assertThat(steps.get(2).path("arguments").asText()).isEqualTo("{\"command\":\"ls\"}");
        assertThat(steps.get(2).path("parent").asInt()).as("a child follows its entry").isEqualTo(1);
        assertThat(steps.get(3).path("is-error").asBoolean()).isFalse();
        assertThat(steps.get(5).path("data").asText()).isEqualTo("{\"before\":1000}");
        assertThat(steps.get(5).path("time").asLong()).isEqualTo(1763780402000L);
    }

    @Test
    void aRecordReadBackGoesIntoANodeWithItsChildren() throws Exception {
        ImportedTrajectory back = format.read(written(VacRecords.export(
                original("claude-code/4d5611e5-241a-462a-8d15-5122611a9569.jsonl"))));
        try (LedgerNode node = LedgerNode.start(NodeSettings.embedded(dir.resolve("data")))) {
            ImportResult result = new LedgerImporter(node, "importer").write(back);

            assertThat(result.steps()).isEqualTo(back.steps().size());
            assertThat(result.children()).hasSize(back.children().size());
            assertThat(ImportFixture.started(node, back.trajectoryId()).sourceFormat()).isEqualTo("vac-record");
        }
    }

    @Test
    void aTruncatedRecordFailsNamingTheFileAndWhere() throws Exception {
        SourceFile whole = written(VacRecords.export(original("gemini-cli/harbor-rfc.gemini-cli-session.json")));
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 300));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ");
    }

    @Test
    void anEntryOfAnUnknownTypeFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("g.json"), ("{\"version\": \"3.0\", \"id\": \"r\", \"session\": "
                + "{\"session-id\": \"s\", \"agent-meta\": {\"model-id\": \"m\", \"model-provider\": \"p\"}, "
                + "\"entries\": [{\"type\": \"user\"}, {\"type\": \"shout\"}]}}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("g.json: $.session.entries[1].type: expected one of user, assistant, tool-call, "
                        + "tool-result, reasoning, system-event, found text \"shout\"");
    }

    @Test
    void aRecordWithoutAgentMetaFailsNamingIt() {
        SourceFile garbled = new SourceFile(Path.of("g.json"), ("{\"version\": \"3.0\", \"id\": \"r\", \"session\": "
                + "{\"session-id\": \"s\", \"entries\": []}}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("g.json: $.session.agent-meta: expected an object, found nothing");
    }
}
