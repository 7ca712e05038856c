package dev.runtape.api.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.projections.analytics.TrajectoryAnalysis;
import dev.runtape.projections.analytics.TrajectoryAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Analytics of a stored trajectory over real HTTP, and its heuristic labels recorded once. */
class AnalyticsTest extends ServiceTest {

    private static final Path SAMPLE = Path.of("..", "..", "shared", "samples", "mini-swe-agent",
            "github_issue.traj.json");

    @Autowired
    private LedgerNode node;

    @Test
    void aStoredRunIsAnalysedAsItsFileIsAndItsHeuristicLabelsAreRecordedOnce() throws Exception {
        ImportedTrajectory file = ImportFormats.detector().read(SourceFile.read(SAMPLE), null);
        TrajectoryAnalysis expected = TrajectoryAnalyzer.analyze(file.steps());
        Answer imported = admin().post("/imports?name=" + SAMPLE.getFileName(), "application/octet-stream",
                Files.readAllBytes(SAMPLE));
        assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
        String id = file.trajectoryId();

        JsonNode analytics = admin().get("/trajectories/" + id + "/analytics").json();

        assertThat(analytics.get("trajectory-id").asText()).isEqualTo(id);
        assertThat(analytics.get("recoveries")).hasSize(expected.recoveries().size()).isNotEmpty();
        assertThat(analytics.get("recoveries").get(0).get("recovered").asLong())
                .isEqualTo(expected.recoveries().getFirst().recovered());
        assertThat(analytics.get("steps").get("search").asInt()).isEqualTo(expected.steps().get(
                dev.runtape.projections.analytics.Activity.SEARCH));
        assertThat(analytics.get("labels")).hasSize(expected.labels().size());

        Answer first = admin().post("/trajectories/" + id + "/heuristic-labels", "application/json", new byte[0]);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("stored").asInt()).isEqualTo(expected.labels().size());
        List<LogEntry> stream = node.log().readStream(StreamId.of(StreamId.Kind.TRAJECTORY, id), 0, 10_000);
        assertThat(stream.stream().filter(e -> e.eventType().equals("LabelApplied")))
                .hasSize(expected.labels().size());

        long before = node.log().lastPosition();
        Answer again = admin().post("/trajectories/" + id + "/heuristic-labels", "application/json", new byte[0]);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stored").asInt()).isZero();
        assertThat(node.log().lastPosition()).as("nothing stored twice").isEqualTo(before);
    }

    @Test
    void theRunsOfTheTenantAreAveragedPerAgentAndPerModel() throws Exception {
        admin().post("/imports?name=" + SAMPLE.getFileName(), "application/octet-stream", Files.readAllBytes(SAMPLE));

        JsonNode byAgent = admin().get("/analytics?group=agent").json();
        JsonNode byModel = admin().get("/analytics?group=model").json();
        Answer bad = admin().get("/analytics?group=weather");

        JsonNode mini = null;
        for (JsonNode group : byAgent.get("groups")) {
            mini = group.get("key").asText().equals("mini-swe-agent") ? group : mini;
        }
        assertThat(mini).as(byAgent.toString()).isNotNull();
        assertThat(mini.get("trajectories").asInt()).isPositive();
        assertThat(mini.get("mean-recoveries").asDouble()).isPositive();
        int total = 0;
        for (JsonNode group : byModel.get("groups")) {
            total += group.get("trajectories").asInt();
        }
        assertThat(total).as("every run in one model's group").isEqualTo(byModel.get("trajectories").asInt())
                .isEqualTo(byAgent.get("trajectories").asInt());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("group: expected agent or model");
    }

    @Test
    void anUnknownTrajectoryIsNotFound() {
        Answer answer = admin().get("/trajectories/no-such-run/analytics");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
}
