package dev.runtape.ledger.importer.sweagent;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** The SWE-agent samples of shared/samples/swe-agent, in the 0.x and the 1.x function-calling shape. */
class SweAgentFormatTest {

    private final SweAgentFormat format = new SweAgentFormat();

    @Test
    void anOldFormatRunKeepsItsPromptsEveryActionAsACommandWithAnUnknownExitCodeAndItsSubmission() throws Exception {
        ImportedTrajectory run = format.read(sample("swe-agent/pydicom__pydicom-1458.traj"));
        List<ObjectNode> steps = run.steps();

        // history: system prompt, one demonstration, the issue; then 12 actions, each a reply and a command
        assertThat(steps).hasSize(3 + 12 + 12 + 1 + 2);
        assertThat(count(steps, "message")).isEqualTo(15);
        assertThat(count(steps, "command")).isEqualTo(12);
        assertThat(run.taskId()).isEqualTo("pydicom__pydicom-1458");
        assertThat(run.taskText()).startsWith("We're currently solving the following issue within our repository.");
        ObjectNode first = steps.stream().filter(s -> s.path("kind").asText().equals("command")).findFirst()
                .orElseThrow();
        assertThat(first.path("command").asText()).isEqualTo("create reproduce_bug.py\n");
        assertThat(first.path("cwd").asText()).isEqualTo("/pydicom__pydicom");
        assertThat(first.get("exit-code").isNull()).as("SWE-agent records no exit code: unknown, not 0").isTrue();
        assertThat(first.path("parent").asInt()).isEqualTo(first.path("index").asInt() - 1);
        assertThat(first.path("stdout").asText()).startsWith("[File: /pydicom__pydicom/reproduce_bug.py (1 lines total)]");
        assertThat(steps.getLast().path("event").asText()).isEqualTo("exit-status");
        assertThat(steps.getLast().path("data").asText()).isEqualTo("submitted");

        assertThat(run.finalDiff()).isNotNull();
        assertThat(run.finalDiff().strip().lines().findFirst()).contains(
                "diff --git a/pydicom/pixel_data_handlers/numpy_handler.py b/pydicom/pixel_data_handlers/numpy_handler.py");
        assertThat(run.outcome()).as("submitted, but no tests were run yet").isEqualTo(Outcome.UNKNOWN);
        assertThat(run.model()).as("from the run's args.yaml beside it").isEqualTo(new Model("openai", "gpt4"));
        assertThat(run.usage().inputTokens()).isEqualTo(122612);
        assertThat(run.usage().outputTokens()).isEqualTo(1369);
        assertThat(run.usage().costUsd()).isEqualTo(1.26719);
        assertThat(run.sourceFormat()).isEqualTo("swe-agent-traj");
    }

    @Test
    void aFunctionCallingRunLinksEachToolCallToTheCommandItRan() throws Exception {
        ImportedTrajectory run = format.read(sample(
                "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj"));
        List<ObjectNode> steps = run.steps();

        assertThat(count(steps, "message")).isEqualTo(2 + 11);
        assertThat(count(steps, "tool-call")).isEqualTo(11);
        assertThat(count(steps, "command")).isEqualTo(11);
        ObjectNode call = steps.stream().filter(s -> s.path("kind").asText().equals("tool-call")).findFirst()
                .orElseThrow();
        assertThat(call.path("call-id").asText()).isEqualTo("call_cyI71DYnRdoLHWwtZgIaW2wr");
        assertThat(call.path("tool").asText()).isEqualTo("create");
        assertThat(call.path("arguments").asText()).isEqualTo("{\"filename\":\"reproduce.py\"}");
        ObjectNode command = steps.get(call.path("index").asInt() + 1);
        assertThat(command.path("kind").asText()).isEqualTo("command");
        assertThat(command.path("parent").asInt()).isEqualTo(call.path("index").asInt());
        assertThat(command.path("command").asText()).isEqualTo("create reproduce.py");
        assertThat(command.path("cwd").asText()).isEqualTo("/testbed");
        assertThat(command.path("duration").asLong()).as("execution_time 0.2387 s").isEqualTo(238);
        assertThat(run.model()).isEqualTo(new Model("openai", "gpt-4o"));
        assertThat(run.finalDiff()).contains("diff --git a/src/marshmallow/fields.py b/src/marshmallow/fields.py");
    }

    @Test
    void everyEditTheEditorAppliedIsAFileEditWithTheDiffOfTheLinesItReplaced() throws Exception {
        ImportedTrajectory run = format.read(sample("swe-agent/pydicom__pydicom-1458.traj"));
        List<ObjectNode> edits = run.steps().stream().filter(s -> s.path("kind").asText().equals("file-edit"))
                .toList();

        // six edit commands: the first fills the created file, three are refused by the linter, one applies
        assertThat(run.steps().stream().filter(s -> s.path("command").asText().startsWith("edit "))).hasSize(5);
        assertThat(edits).hasSize(2);
        ObjectNode created = edits.getFirst();
        assertThat(created.path("path").asText()).isEqualTo("reproduce_bug.py");
        assertThat(created.path("diff").asText()).startsWith("""
                --- a/reproduce_bug.py
                +++ b/reproduce_bug.py
                @@ -1,1 +1,18 @@
                +import numpy as np
                +from pydicom.dataset import Dataset, FileMetaDataset
                \s
                +ds = Dataset()
                """);
        ObjectNode applied = edits.get(1);
        assertThat(applied.path("path").asText()).isEqualTo("pydicom/pixel_data_handlers/numpy_handler.py");
        assertThat(applied.path("diff").asText()).startsWith("""
                --- a/pydicom/pixel_data_handlers/numpy_handler.py
                +++ b/pydicom/pixel_data_handlers/numpy_handler.py
                @@ -287,10 +287,11 @@
                """);
        assertThat(applied.path("diff").asText()).as("ten lines became eleven: 372 lines then 373").contains(
                "+    if 'PixelData' in ds:\n+        required_elements.append('PixelRepresentation')\n");
        ObjectNode command = run.steps().get(applied.path("parent").asInt());
        assertThat(command.path("command").asText()).startsWith("edit 287:296\n");
        // what the diff adds is what the editor showed at those lines afterwards
        String shown = command.path("stdout").asText();
        applied.path("diff").asText().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++"))
                .forEach(added -> assertThat(shown).contains(":" + added.substring(1) + "\n"));
    }

    @Test
    void theFunctionCallingEditorsInsertAndSearchAndReplaceAreFileEditsAtTheLinesTheyChanged() throws Exception {
        ImportedTrajectory run = format.read(sample(
                "swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj"));
        List<ObjectNode> edits = run.steps().stream().filter(s -> s.path("kind").asText().equals("file-edit"))
                .toList();

        assertThat(edits).as("insert, then the second search and replace; the first was refused").hasSize(2);
        assertThat(edits.getFirst().path("path").asText()).isEqualTo("reproduce.py");
        assertThat(edits.getFirst().path("diff").asText()).contains("@@ -1,0 +2,9 @@\n+from marshmallow.fields");
        assertThat(edits.get(1).path("path").asText()).isEqualTo("src/marshmallow/fields.py");
        assertThat(edits.get(1).path("diff").asText()).containsPattern("@@ -\\d+,1 \\+\\d+,2 @@\n"
                + "-        return int\\(value.total_seconds\\(\\) / base_unit.total_seconds\\(\\)\\)\n"
                + "\\+        # round to nearest int\n");
    }

    @Test
    void aCtfRunSubmitsAFlagWhichIsKeptAsAnEventAndNotAsADiff() throws Exception {
        ImportedTrajectory run = format.read(sample("swe-agent/ctf-pwn-warmup.traj"));

        assertThat(run.finalDiff()).isNull();
        assertThat(run.count("command")).isEqualTo(7);
        assertThat(run.steps().getLast().path("event").asText()).isEqualTo("submission");
        assertThat(run.steps().getLast().path("data").asText()).isEqualTo("\nFLAG{LET_US_BEGIN_CSAW_2016}\n");
    }

    @Test
    void theGithubIssueRunImportsWithoutAModelSinceNothingBesideItNamesOne() throws Exception {
        ImportedTrajectory run = format.read(sample("swe-agent/swe-agent__test-repo-i1.traj"));

        assertThat(run.steps()).hasSize(3 + 5 + 5 + 1 + 1);
        assertThat(run.model()).isNull();
        assertThat(run.finalDiff().strip()).startsWith("diff --git a/tests/missing_colon.py b/tests/missing_colon.py");
    }

    @Test
    void aTruncatedFileFailsNamingTheFileAndWhereItBrokeOff() throws Exception {
        SourceFile whole = sample("swe-agent/pydicom__pydicom-1458.traj");
        SourceFile cut = new SourceFile(whole.path(), Arrays.copyOf(whole.bytes(), 5000));

        assertThatThrownBy(() -> format.read(cut)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith(whole.path() + ": line ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aTrajectoryThatIsNotAListFailsNamingTheMemberAndWhatItHeld() {
        SourceFile garbled = new SourceFile(Path.of("x.traj"),
                "{\"environment\": \"swe_main\", \"trajectory\": 5}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(garbled)).isInstanceOf(ImportException.class)
                .hasMessage("x.traj: $.trajectory: expected an array, found a number");
    }
}
