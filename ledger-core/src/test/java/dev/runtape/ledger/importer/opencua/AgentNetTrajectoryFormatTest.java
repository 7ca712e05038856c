package dev.runtape.ledger.importer.opencua;

import static dev.runtape.ledger.importer.ImportFixture.count;
import static dev.runtape.ledger.importer.ImportFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted.Outcome;
import dev.runtape.ledger.importer.ImportException;
import dev.runtape.ledger.importer.ImportFixture;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processed AgentNet trajectories of shared/samples/human-computer-use/opencua-agentnet. */
class AgentNetTrajectoryFormatTest {

    private static final String FOLDER = "human-computer-use/opencua-agentnet/";

    private final AgentNetTrajectoryFormat format = new AgentNetTrajectoryFormat();

    @Test
    void anAgentNetBenchStepIsItsReasoningAndItsPyautoguiActionAndTerminateIsTheOutcome() throws Exception {
        ImportedTrajectory run = format.read(sample(FOLDER + "agentnetbench.s_df0fd37049f470c2.json"));
        JsonNode raw = new ObjectMapper().readTree(ImportFixture.samplePath(FOLDER
                + "agentnetbench.s_df0fd37049f470c2.json").toFile());
        List<ObjectNode> calls = run.steps().stream().filter(s -> s.path("kind").asText().equals("tool-call"))
                .toList();

        assertThat(run.taskId()).isEqualTo("s_df0fd37049f470c2");
        assertThat(run.taskText()).isEqualTo(raw.path("user_task_description").asText());
        assertThat(count(run.steps(), "reasoning")).isEqualTo(raw.path("steps").size());
        assertThat(calls).hasSize(raw.path("steps").size() - 1);
        ObjectNode first = calls.getFirst();
        assertThat(first.path("call-id").asText()).isEqualTo("step-2");
        assertThat(first.path("tool").asText()).isEqualTo("pyautogui");
        JsonNode arguments = new ObjectMapper().readTree(first.path("arguments").asText());
        assertThat(arguments.path("code").asText()).isEqualTo("pyautogui.click(x=0.3271, y=0.2694)");
        assertThat(arguments.path("ground_truth_actions").get(0).path("type").asText()).isEqualTo("click");
        ObjectNode reasoning = run.steps().get(first.path("parent").asInt());
        assertThat(reasoning.path("content").asText()).startsWith("observation: The computer is displaying")
                .contains("\n\nthought: To achieve the task goal");
        assertThat(run.steps().getLast().path("event").asText()).isEqualTo("terminate");
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(run.actor()).as("the annotator is not named").isEqualTo(new Actor.Operator("unknown"));
        assertThat(run.steps().getFirst().path("event").asText()).isEqualTo("recording");
    }

    @Test
    void theStandardizedLayoutHasItsCodeAsToolCallsWithoutReasoning() throws Exception {
        ImportedTrajectory run = format.read(sample(FOLDER + "standardized-raw_example.jsonl"));

        assertThat(run.taskId()).isEqualTo("task_example_0");
        assertThat(run.taskText()).startsWith("Open the system display settings");
        assertThat(count(run.steps(), "reasoning")).isZero();
        assertThat(count(run.steps(), "tool-call")).isEqualTo(14);
        assertThat(run.steps().get(3).path("arguments").asText()).contains("pyautogui.dragTo(x=0.4107");
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aStepWithoutItsActionIsRefusedNamingIt() {
        SourceFile broken = new SourceFile(Path.of("s_1.json"), """
                {"task_id": "s_1", "steps": [{"step_num": 0, "inner_monologue": {"thought": "click"}}]}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(format.detect(broken)).isPositive();
        assertThatThrownBy(() -> format.read(broken)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("s_1.json: $.steps[0]").hasMessageContaining("action");
    }
}
