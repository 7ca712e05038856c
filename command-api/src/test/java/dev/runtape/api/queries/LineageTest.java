package dev.runtape.api.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.Scrape;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /lineage/...} over real HTTP on a history written over HTTP: a task, an operator's trajectory and an
 * imported real trajectory (codex-cli), QA checks and reviews, a dataset admitting both, a sealed export. Tenant
 * {@code lineage-a} writes it; {@code lineage-b} asks for it.
 */
class LineageTest extends ServiceTest {

    private static final String TENANT = "lineage-a";
    private static final String SAMPLE =
            "codex-cli/rollout-2026-02-23T13-19-38-019c8a70-dda7-7f33-98ea-f30553347322.jsonl";

    @Autowired
    private ApiKeys apiKeys;
    @Autowired
    private LedgerNode node;

    private HttpClientForTests tenantA;
    private HttpClientForTests tenantB;
    private ImportedTrajectory imported;

    private static Answer expect(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    @BeforeEach
    void history() throws Exception {
        tenantA = client().withApiKey(apiKeys.issue("lineage-admin", TENANT, Set.of(Role.ADMIN)).key());
        tenantB = client().withApiKey(apiKeys.issue("lineage-other", "lineage-b", Set.of(Role.ADMIN)).key());
        Path sample = Path.of("..", "..", "shared", "samples").resolve(SAMPLE);
        imported = ImportFormats.detector().read(SourceFile.read(sample), null);
        if (tenantA.get("/streams/dataset/lin-ds").status() == 200) {
            return;
        }
        expect(tenantA.postJson("/tasks", """
                {"task-id": "lin-task", "prompt": "Fix the date parser", "family": "lineage"}"""), 201);
        expect(tenantA.postJson("/operators", "{\"operator-id\": \"lin-op\", \"cohort\": \"2026-q4\"}"), 201);
        expect(tenantA.postJson("/trajectories", """
                {"trajectory-id": "lin-1", "task-id": "lin-task",
                 "actor": {"kind": "operator", "operator-id": "lin-op"},
                 "model": {"provider": "anthropic", "id": "claude-sonnet-4"}}"""), 201);
        expect(tenantA.postJson("/trajectories/lin-1/steps", """
                {"steps": [{"kind": "reasoning", "index": 0, "content": "read the failing test"},
                           {"kind": "command", "index": 1, "command": "pytest", "exit-code": 0}]}"""), 200);
        expect(tenantA.postJson("/trajectories/lin-1/completion", "{\"outcome\": \"success\"}"), 200);
        expect(tenantA.post("/imports?name=" + sample.getFileName(), "application/octet-stream",
                Files.readAllBytes(sample)), 201);
        for (String trajectory : List.of("lin-1", imported.trajectoryId())) {
            expect(tenantA.postJson("/trajectories/" + trajectory + "/qa-checks", """
                    {"check": "tests-pass", "result": "pass"}"""), 200);
            expect(tenantA.postJson("/trajectories/" + trajectory + "/reviews", """
                    {"decision": "accept", "reason": "meets the criteria"}"""), 200);
        }
        expect(tenantA.postJson("/datasets", """
                {"dataset-id": "lin-ds", "name": "parsers", "version": "1", "purpose": "training"}"""), 201);
        expect(tenantA.postJson("/datasets/lin-ds/admissions", "{\"trajectory-id\": \"lin-1\"}"), 200);
        expect(tenantA.postJson("/datasets/lin-ds/admissions", """
                {"trajectory-id": "%s", "split": "eval"}""".formatted(imported.trajectoryId())), 200);
        awaitCheckpoint();
        expect(tenantA.postJson("/datasets/lin-ds/exports", """
                {"export-id": "x-1", "manifest-digest": "%s", "recipient": "acme-labs"}"""
                .formatted(Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8)).hex())), 200);
    }

    private void awaitCheckpoint() throws InterruptedException {
        long last = node.log().lastPosition();
        for (int i = 0; i < 200; i++) {
            if (node.proofs().latestCheckpoint().map(c -> c.treeSize() >= last).orElse(false)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint covered position " + last + " within 10 s");
    }

    private static Set<String> ids(JsonNode answer) {
        Set<String> ids = new HashSet<>();
        answer.get("nodes").forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private static JsonNode node(JsonNode answer, String id) {
        for (JsonNode node : answer.get("nodes")) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError(id + " is not in " + ids(answer));
    }

    @Test
    void oneCallAnswersTheChainFromTaskPromptThroughOperatorExecutionAndQaToTheDataset() {
        Answer answer = expect(tenantA.get("/lineage/dataset/lin-ds?direction=up&depth=5"), 200);
        JsonNode lineage = answer.json();

        assertThat(answer.header("Content-Type")).startsWith("application/json");
        long sealed = node.log().readStream(StreamId.of(StreamId.Kind.DATASET, "lin-ds"), 0, 100).getLast()
                .position();
        assertThat(Long.parseLong(answer.header(LineageController.POSITION_HEADER)))
                .as("everything the log held when the request came in").isEqualTo(lineage.get("position").asLong())
                .isGreaterThanOrEqualTo(sealed);
        assertThat(lineage.get("root").asText()).isEqualTo("dataset/lin-ds");
        assertThat(lineage.get("direction").asText()).isEqualTo("up");
        assertThat(lineage.get("depth").asInt()).isEqualTo(5);
        assertThat(lineage.get("nodes").get(0).get("id").asText()).isEqualTo("dataset/lin-ds");
        assertThat(ids(lineage)).contains("qa-record/lin-1", "trajectory/lin-1", "execution/lin-1", "task/lin-task",
                "operator/lin-op", "model/anthropic/claude-sonnet-4", "reviewer/lineage-admin",
                "principal/lineage-admin", "trajectory/" + imported.trajectoryId(), "task/" + imported.taskId())
                .doesNotContain("export/lin-ds/x-1");
        assertThat(node(lineage, "operator/lin-op").get("prov").asText()).isEqualTo("agent");
        assertThat(node(lineage, "operator/lin-op").get("attributes").get("cohort").asText()).isEqualTo("2026-q4");
        assertThat(node(lineage, "execution/lin-1").get("prov").asText()).isEqualTo("activity");
        assertThat(node(lineage, "execution/lin-1").get("attributes").get("outcome").asText()).isEqualTo("success");
        assertThat(node(lineage, "task/lin-task").get("kind").asText()).isEqualTo("task");
        assertThat(node(lineage, "qa-record/lin-1").get("attributes").get("decision").asText()).isEqualTo("accept");
        List<String> relations = new ArrayList<>();
        for (JsonNode edge : lineage.get("edges")) {
            relations.add(edge.get("relation").asText() + " " + edge.get("from").asText() + " "
                    + edge.get("to").asText());
            assertThat(ids(lineage)).contains(edge.get("from").asText(), edge.get("to").asText());
        }
        assertThat(relations).contains("wasDerivedFrom dataset/lin-ds qa-record/lin-1",
                "wasDerivedFrom qa-record/lin-1 trajectory/lin-1", "wasGeneratedBy trajectory/lin-1 execution/lin-1",
                "used execution/lin-1 task/lin-task", "wasAssociatedWith execution/lin-1 operator/lin-op",
                "actedOnBehalfOf operator/lin-op principal/lineage-admin");
        assertThat(lineage.get("edges")).anySatisfy(edge -> {
            assertThat(edge.get("to").asText()).isEqualTo("qa-record/" + imported.trajectoryId());
            assertThat(edge.get("attributes").get("split").asText()).isEqualTo("eval");
        });
    }

    @Test
    void provJsonNamesEveryRelationsEndsWithProvAttributesAmongItsEntitiesActivitiesAndAgents() {
        Answer answer = expect(tenantA.withHeader("Accept", "application/prov+json")
                .get("/lineage/dataset/lin-ds?depth=5"), 200);
        JsonNode document = answer.json();

        assertThat(answer.header("Content-Type")).startsWith("application/prov+json");
        assertThat(document.get("prefix").get("runtape").asText()).isEqualTo("urn:runtape:");
        assertThat(document.get("entity").has("runtape:task/lin-task")).isTrue();
        assertThat(document.get("activity").has("runtape:execution/lin-1")).isTrue();
        assertThat(document.get("agent").has("runtape:operator/lin-op")).isTrue();
        assertThat(document.get("agent").get("runtape:operator/lin-op").get("prov:type").get("$").asText())
                .isEqualTo("runtape:operator");
        assertThat(document.get("activity").get("runtape:execution/lin-1").has("prov:endTime")).isTrue();
        Map<String, List<String>> ends = Map.of(
                "used", List.of("prov:activity", "prov:entity"),
                "wasGeneratedBy", List.of("prov:entity", "prov:activity"),
                "wasAssociatedWith", List.of("prov:activity", "prov:agent"),
                "wasDerivedFrom", List.of("prov:generatedEntity", "prov:usedEntity"),
                "actedOnBehalfOf", List.of("prov:delegate", "prov:responsible"));
        Map<String, String> blocks = Map.of("prov:activity", "activity", "prov:entity", "entity",
                "prov:agent", "agent", "prov:generatedEntity", "entity", "prov:usedEntity", "entity",
                "prov:delegate", "agent", "prov:responsible", "agent");
        int relations = 0;
        for (Map.Entry<String, List<String>> relation : ends.entrySet()) {
            assertThat(document.has(relation.getKey())).as(relation.getKey()).isTrue();
            for (JsonNode record : document.get(relation.getKey())) {
                relations++;
                for (String end : relation.getValue()) {
                    assertThat(document.get(blocks.get(end)).has(record.get(end).asText()))
                            .as(relation.getKey() + " " + end + " " + record.get(end)).isTrue();
                }
            }
        }
        assertThat(relations).isEqualTo(expect(tenantA.get("/lineage/dataset/lin-ds?depth=5"), 200).json()
                .get("edges").size());
    }

    @Test
    void downFromATrajectoryReachesItsQaTheDatasetAndTheExportAndAnExportGoesUpToTheDataset() {
        JsonNode down = expect(tenantA.get("/lineage/trajectory/lin-1?direction=down"), 200).json();
        assertThat(ids(down)).contains("qa-record/lin-1", "dataset/lin-ds", "export/lin-ds/x-1",
                "exporting/lin-ds/x-1").doesNotContain("task/lin-task", "operator/lin-op");
        assertThat(down.get("nodes")).filteredOn(node -> node.get("kind").asText().equals("qa-check")).hasSize(1);
        assertThat(down.get("nodes")).filteredOn(node -> node.get("kind").asText().equals("review")).hasSize(1);

        JsonNode export = expect(tenantA.get("/lineage/export/lin-ds/x-1?direction=up&depth=1"), 200).json();
        assertThat(ids(export)).containsExactlyInAnyOrder("export/lin-ds/x-1", "exporting/lin-ds/x-1",
                "dataset/lin-ds");
        assertThat(node(export, "export/lin-ds/x-1").get("attributes").get("recipient").asText())
                .isEqualTo("acme-labs");
    }

    @Test
    void anUnknownIdAndAnotherTenantsIdAreNotFound() {
        for (String path : List.of("/lineage/dataset/lin-ds", "/lineage/trajectory/lin-1",
                "/lineage/export/lin-ds/x-1")) {
            Answer crossing = expect(tenantB.get(path), 404);
            assertThat(crossing.json().get("type").asText()).isEqualTo("urn:runtape:problem:not-found");
        }
        Answer unknown = expect(tenantA.get("/lineage/trajectory/no-such-trajectory"), 404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).isEqualTo("no trajectory/no-such-trajectory in the lineage");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/lineage/dataset/lin-ds?direction=sideways | direction: expected up or down, found \"sideways\"",
        "/lineage/dataset/lin-ds?depth=0 | depth: expected a whole number from 1 to 100, found \"0\"",
        "/lineage/dataset/lin-ds?depth=101 | depth: expected a whole number from 1 to 100, found \"101\"",
        "/lineage/dataset/lin-ds?depth=two | depth: expected a whole number from 1 to 100, found \"two\"",
        "/lineage/task/lin-task | kind: expected trajectory, dataset or export, found \"task\"",
        "/lineage/export/lin-ds | export: expected /lineage/export/{dataset}/{export}, found one part",
    })
    void aBadDirectionDepthOrKindIsABadRequest(String path, String detail) {
        Answer answer = expect(tenantA.get(path), 400);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:runtape:problem:invalid-request");
        assertThat(answer.json().get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void aReplayFromZeroWhileTheServiceRunsRebuildsTheSameLineageAndTheLagIsAMetric() throws Exception {
        JsonNode before = expect(tenantA.get("/lineage/dataset/lin-ds?depth=100"), 200).json();
        long replays = expect(tenantA.get("/admin/projections/lineage"), 200).json().get("replays").asLong();

        Answer replay = expect(tenantA.postJson("/admin/projections/lineage/replay", "{}"), 202);
        assertThat(replay.json().get("projection").asText()).isEqualTo("lineage");
        JsonNode progress = null;
        for (int i = 0; i < 200; i++) {
            progress = expect(tenantA.get("/admin/projections/lineage"), 200).json();
            if (progress.get("replays").asLong() > replays && progress.get("lag").asLong() == 0) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(progress.get("replays").asLong()).isGreaterThan(replays);
        assertThat(progress.get("position").asLong()).isEqualTo(progress.get("last-position").asLong());
        JsonNode after = expect(tenantA.get("/lineage/dataset/lin-ds?depth=100"), 200).json();
        assertThat(after.get("nodes")).isEqualTo(before.get("nodes"));
        assertThat(after.get("edges")).isEqualTo(before.get("edges"));

        System.gc(); // a gauge whose state was held only weakly reads NaN once it is collected
        Answer metrics = expect(tenantA.get("/actuator/prometheus"), 200);
        Scrape scrape = new Scrape(new String(metrics.bytes(), StandardCharsets.UTF_8));
        assertThat(scrape.sample("runtape_projection_lag", "projection=\"lineage\"")).hasValueSatisfying(
                lag -> assertThat(lag).isNotNaN().isNotNegative());
        assertThat(scrape.sample("runtape_projection_position", "projection=\"lineage\"")).hasValueSatisfying(
                position -> assertThat(position).isPositive());
        assertThat(scrape.sample("runtape_projection_position", "projection=\"search\"")).hasValueSatisfying(
                position -> assertThat(position).isNotNaN());
    }
}
