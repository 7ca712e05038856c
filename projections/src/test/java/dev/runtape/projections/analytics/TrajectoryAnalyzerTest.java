package dev.runtape.projections.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyser on real runs of shared/samples, and on short runs written here to pin one rule each. */
class TrajectoryAnalyzerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ImportedTrajectory sample(String relative) throws Exception {
        return ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(relative)), null);
    }

    private static ObjectNode step(ImportedTrajectory run, long index) {
        return run.steps().stream().filter(s -> s.path("index").asLong() == index).findFirst().orElseThrow();
    }

    /** Steps given as JSON objects without their index; the index is their place. */
    private static List<ObjectNode> steps(String... steps) throws Exception {
        List<ObjectNode> list = new ArrayList<>();
        for (String step : steps) {
            ObjectNode node = (ObjectNode) JSON.readTree(step);
            node.put("index", list.size());
            list.add(node);
        }
        return list;
    }

    @Test
    void aCommandThatFailedAndAChangedOneThatWorkedIsARecovery() throws Exception {
        // mini-swe-agent's GitHub issue run: cat of a path that does not exist, then of the right one
        ImportedTrajectory run = sample("mini-swe-agent/github_issue.traj.json");

        TrajectoryAnalysis analysis = TrajectoryAnalyzer.analyze(run.steps());

        assertThat(analysis.recoveries()).hasSize(1);
        TrajectoryAnalysis.Recovery recovery = analysis.recoveries().getFirst();
        assertThat(step(run, recovery.failed()).path("command").asText()).startsWith("cat /Users/fuchur/");
        assertThat(step(run, recovery.failed()).path("exit-code").asInt()).isEqualTo(1);
        assertThat(step(run, recovery.recovered()).path("command").asText())
                .isEqualTo("cat tests/missing_colon.py");
        assertThat(analysis.labels().get(recovery.recovered())).isEqualTo(SemanticAction.RECOVERY);
        assertThat(analysis.labels()).containsValue(SemanticAction.LOCALIZATION).containsValue(SemanticAction.EDIT);
        long last = run.steps().stream().filter(s -> s.path("role").asText().equals("assistant"))
                .mapToLong(s -> s.path("index").asLong()).max().orElseThrow();
        assertThat(analysis.labels()).as("the run's last word").containsEntry(last, SemanticAction.HANDOFF);
    }

    @Test
    void theSameFailingLintRunFourTimesIsALoop() throws Exception {
        ImportedTrajectory run = sample("aider/chat-history.excerpt.md");
        String lint = "/Users/gauthier/Projects/aider/tmp.lint.sh tests/basic/test_repomap.py";
        long failing = run.steps().stream().filter(s -> s.path("command").asText().equals(lint)
                && s.path("exit-code").asInt(0) != 0).count();

        TrajectoryAnalysis analysis = TrajectoryAnalyzer.analyze(run.steps());

        assertThat(failing).isGreaterThanOrEqualTo(3);
        assertThat(analysis.loops()).filteredOn(loop -> loop.command().equals(lint)).singleElement()
                .satisfies(loop -> assertThat(loop.times()).isEqualTo((int) failing));
        assertThat(analysis.steps().get(Activity.VERIFICATION)).as("the /test runs and their test runs")
                .isEqualTo(8);
    }

    @Test
    void retryingUnchangedIsNoRecoveryButRetryingAfterAnEditIs() throws Exception {
        List<ObjectNode> unchanged = steps(
                "{\"kind\": \"command\", \"command\": \"pytest -q\", \"exit-code\": 1}",
                "{\"kind\": \"command\", \"command\": \"pytest -q\", \"exit-code\": 1}",
                "{\"kind\": \"command\", \"command\": \"pytest   -q\", \"exit-code\": 1}",
                "{\"kind\": \"command\", \"command\": \"pytest -q\", \"exit-code\": 0}");
        List<ObjectNode> fixed = steps(
                "{\"kind\": \"command\", \"command\": \"pytest -q\", \"exit-code\": 1}",
                "{\"kind\": \"file-edit\", \"path\": \"src/a.py\", \"diff\": \"--- a/src/a.py\\n+++ b/src/a.py\\n\"}",
                "{\"kind\": \"command\", \"command\": \"pytest -q\", \"exit-code\": 0}");

        TrajectoryAnalysis flaky = TrajectoryAnalyzer.analyze(unchanged);
        TrajectoryAnalysis recovered = TrajectoryAnalyzer.analyze(fixed);

        assertThat(flaky.recoveries()).isEmpty();
        assertThat(flaky.loops()).singleElement().satisfies(loop -> {
            assertThat(loop.command()).isEqualTo("pytest -q");
            assertThat(loop.steps()).containsExactly(0L, 1L, 2L);
        });
        assertThat(recovered.recoveries()).containsExactly(new TrajectoryAnalysis.Recovery(0, 2));
        assertThat(recovered.testsAfterLastEdit()).isTrue();
        assertThat(recovered.loops()).isEmpty();
    }

    @Test
    void aTestRunWithoutAnExitCodeFailsByItsCounts() throws Exception {
        List<ObjectNode> run = steps(
                "{\"kind\": \"command\", \"command\": \"go test ./...\", \"exit-code\": null}",
                "{\"kind\": \"test-run\", \"parent\": 0, \"framework\": \"go\", \"passed\": 3, \"failed\": 1}",
                "{\"kind\": \"command\", \"command\": \"sed -i s/a/b/ x.go\", \"exit-code\": null}",
                "{\"kind\": \"command\", \"command\": \"go test ./pkg\", \"exit-code\": null}",
                "{\"kind\": \"test-run\", \"parent\": 3, \"framework\": \"go\", \"passed\": 4, \"failed\": 0}");

        TrajectoryAnalysis analysis = TrajectoryAnalyzer.analyze(run);

        assertThat(analysis.recoveries()).containsExactly(new TrajectoryAnalysis.Recovery(1, 4));
        assertThat(analysis.steps().get(Activity.EDITING)).isEqualTo(1);
        assertThat(analysis.steps().get(Activity.VERIFICATION)).isEqualTo(4);
        assertThat(analysis.testsAfterLastEdit()).isTrue();
    }

    @Test
    void filesEditedWithoutBeingReadAreNamedAndCreatedFilesAreNot() throws Exception {
        List<ObjectNode> run = steps(
                "{\"kind\": \"file-read\", \"path\": \"/repo/src/read.py\", \"content\": \"x = 1\\n\"}",
                "{\"kind\": \"command\", \"command\": \"cat src/shown.py\", \"exit-code\": 0, \"stdout\": \"y\"}",
                "{\"kind\": \"file-edit\", \"path\": \"/repo/src/read.py\", \"diff\": \"--- a/repo/src/read.py\\n\"}",
                "{\"kind\": \"file-edit\", \"path\": \"src/shown.py\", \"diff\": \"--- a/src/shown.py\\n\"}",
                "{\"kind\": \"file-edit\", \"path\": \"src/blind.py\", \"diff\": \"--- a/src/blind.py\\n\"}",
                "{\"kind\": \"file-edit\", \"path\": \"src/new.py\", \"diff\": \"--- /dev/null\\n+++ b/src/new.py\\n\"}",
                "{\"kind\": \"command\", \"command\": \"pytest\", \"exit-code\": 0}",
                "{\"kind\": \"file-edit\", \"path\": \"src/read.py\", \"diff\": \"--- a/src/read.py\\n\"}");

        TrajectoryAnalysis analysis = TrajectoryAnalyzer.analyze(run);

        assertThat(analysis.editedNeverRead()).containsExactly("src/blind.py");
        assertThat(analysis.testsAfterLastEdit()).as("the last edit came after the tests").isFalse();
        assertThat(analysis.labels()).containsEntry(0L, SemanticAction.LOCALIZATION)
                .containsEntry(1L, SemanticAction.LOCALIZATION).containsEntry(2L, SemanticAction.EDIT)
                .containsEntry(6L, SemanticAction.VERIFICATION);
    }

    @Test
    void timeGoesToEachStepsActivityByItsDurationOrTheTimeToTheNextStep() throws Exception {
        List<ObjectNode> run = steps(
                "{\"kind\": \"command\", \"command\": \"grep -rn foo .\", \"exit-code\": 0, \"duration\": 1500}",
                "{\"kind\": \"message\", \"role\": \"assistant\", \"content\": \"found it\", \"time\": 10000}",
                "{\"kind\": \"file-read\", \"path\": \"a.py\", \"content\": \"\", \"time\": 12500}",
                "{\"kind\": \"command\", \"command\": \"pytest\", \"exit-code\": 0, \"time\": 20000}");

        TrajectoryAnalysis analysis = TrajectoryAnalyzer.analyze(run);

        assertThat(analysis.millis().get(Activity.SEARCH)).isEqualTo(1500);
        assertThat(analysis.millis().get(Activity.OTHER)).isEqualTo(2500);
        assertThat(analysis.millis().get(Activity.READING)).isEqualTo(7500);
        assertThat(analysis.millis().get(Activity.VERIFICATION)).as("the last step has no next").isZero();
        assertThat(analysis.labels()).containsEntry(1L, SemanticAction.HANDOFF);
    }

    @Test
    void aggregatesAverageEachAgentsAndEachModelsRuns() throws Exception {
        List<AnalyticsAggregates.Analysed> analysed = new ArrayList<>();
        for (String file : List.of("mini-swe-agent/github_issue.traj.json", "mini-swe-agent/local.traj.json",
                "aider/chat-history.excerpt.md")) {
            ImportedTrajectory run = sample(file);
            String agent = run.actor() instanceof dev.runtape.ledger.domain.common.Actor.Agent a ? a.agent()
                    : "operator";
            analysed.add(new AnalyticsAggregates.Analysed(agent, run.model() == null ? "unknown"
                    : run.model().id(), TrajectoryAnalyzer.analyze(run.steps())));
        }

        List<AnalyticsAggregate> byAgent = AnalyticsAggregates.byAgent(analysed);

        assertThat(byAgent).extracting(AnalyticsAggregate::key).containsExactly("mini-swe-agent", "aider");
        AnalyticsAggregate mini = byAgent.getFirst();
        assertThat(mini.trajectories()).isEqualTo(2);
        assertThat(mini.meanRecoveries()).isEqualTo((analysed.get(0).analysis().recoveries().size()
                + analysed.get(1).analysis().recoveries().size()) / 2.0);
        assertThat(byAgent.get(1).loopShare()).isEqualTo(1.0);
        List<AnalyticsAggregate> byModel = AnalyticsAggregates.byModel(analysed);
        assertThat(byModel).extracting(AnalyticsAggregate::key)
                .containsExactlyElementsOf(analysed.stream().map(AnalyticsAggregates.Analysed::model).distinct()
                        .toList());
        assertThat(byModel.stream().mapToInt(AnalyticsAggregate::trajectories).sum()).isEqualTo(3);
    }
}
