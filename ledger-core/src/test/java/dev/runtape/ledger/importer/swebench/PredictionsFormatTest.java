package dev.runtape.ledger.importer.swebench;

import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.domain.common.Model;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The predictions files of shared/samples: mini-swe-agent's preds.json and SWE-agent's all_preds.jsonl. */
class PredictionsFormatTest {

    private final PredictionsFormat format = new PredictionsFormat();

    @Test
    void aPredictionIsItsInstanceWithThePatchAsTheFinalDiffAndAnUnknownOutcome() throws Exception {
        ImportedTrajectory run = format.read(sample("mini-swe-agent/results.preds.json"));

        assertThat(run.taskId()).isEqualTo("swe-agent__test-repo-1");
        assertThat(run.finalDiff()).startsWith("diff --git a/tests/missing_colon.py b/tests/missing_colon.py");
        assertThat(run.model()).isEqualTo(new Model("anthropic", "claude-sonnet-4-20250514"));
        assertThat(run.outcome()).as("nobody has run the tests on it").isEqualTo(Outcome.UNKNOWN);
        assertThat(run.steps()).hasSize(1);
        assertThat(run.steps().getFirst().path("event").asText()).isEqualTo("prediction");
    }

    @Test
    void sweAgentsAllPredsNamesItsRunAndNotAModel() throws Exception {
        ImportedTrajectory run = format.read(sample("swe-agent/pydicom__pydicom-1458.all_preds.jsonl"));

        assertThat(run.taskId()).isEqualTo("pydicom__pydicom-1458");
        assertThat(run.model()).isNull();
        assertThat(run.finalDiff()).contains("diff --git a/pydicom/pixel_data_handlers/numpy_handler.py");
    }

    @Test
    void severalPredictionsAreChildrenAndOneWithoutAPatchSaysSo() throws Exception {
        SourceFile two = new SourceFile(Path.of("all_preds.jsonl"), """
                {"instance_id": "a__a-1", "model_name_or_path": "gpt-4o", "model_patch": "diff --git a/x b/x\\n"}
                {"instance_id": "b__b-2", "model_name_or_path": "gpt-4o", "model_patch": null}
                """.getBytes(StandardCharsets.UTF_8));

        ImportedTrajectory run = format.read(two);

        assertThat(run.children()).extracting(ImportedTrajectory::taskId).containsExactly("a__a-1", "b__b-2");
        assertThat(run.children().get(1).finalDiff()).isNull();
        assertThat(run.children().get(1).blockers()).containsExactly("no patch");
        assertThat(run.steps()).extracting(s -> s.path("data").asText()).containsExactly("a__a-1: patch",
                "b__b-2: no patch");
    }

    @Test
    void aPatchThatIsNotTextIsRefusedNamingTheInstance() {
        SourceFile bad = new SourceFile(Path.of("preds.json"), """
                {"x__y-1": {"instance_id": "x__y-1", "model_patch": 5}}""".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> format.read(bad)).isInstanceOf(ImportException.class)
                .hasMessage("preds.json: $[\"x__y-1\"].model_patch: expected the patch as text or null, found a "
                        + "number");
    }
}
