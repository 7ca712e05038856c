package dev.runtape.api.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provenance audit of a dataset built through the API over real HTTP: two runs of one task split across train and
 * eval, a permitted use that excludes the purpose, a retention date passed, a secret flagged after admission, a label
 * retracted; every statement verified, as JSON, as a page and signed.
 */
class AuditTest extends ServiceTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    private LedgerNode node;

    private String id(String what) {
        return "audit-" + what + "-" + IDS.incrementAndGet();
    }

    private void ok(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
    }

    private String acceptedRun(String task) {
        String trajectory = id("run");
        ok(admin().postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "swe-agent"}}"""
                .formatted(trajectory, task)));
        ok(admin().postJson("/trajectories/" + trajectory + "/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "pytest -q", "exit-code": 0, "stdout": "ok"}]}"""));
        ok(admin().postJson("/trajectories/" + trajectory + "/completion", "{\"outcome\": \"success\"}"));
        ok(admin().postJson("/trajectories/" + trajectory + "/reviews", """
                {"decision": "accept", "reason": "tests pass"}"""));
        return trajectory;
    }

    @Test
    void anAuditNamesEveryFindingAndVerifiesEveryStatementInEachForm() throws Exception {
        String task = id("task");
        ok(admin().postJson("/tasks", """
                {"task-id": "%s", "prompt": "Fix the parser", "family": "audit"}""".formatted(task)));
        String train = acceptedRun(task);
        String eval = acceptedRun(task);
        ok(admin().send("PUT", "/trajectories/" + train + "/policy", "application/json",
                "{\"data-use\": [\"evaluation\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ok(admin().send("PUT", "/trajectories/" + eval + "/policy", "application/json",
                "{\"retention-until\": \"2021-01-01T00:00:00Z\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ok(admin().postJson("/trajectories/" + train + "/labels", """
                {"label-id": "odd", "category": "comment", "value": "<b>look</b>"}"""));
        ok(admin().postJson("/trajectories/" + train + "/labels/odd/retraction", "{\"reason\": \"fine after all\"}"));
        String dataset = id("dataset");
        ok(admin().postJson("/datasets", """
                {"dataset-id": "%s", "name": "parsers", "version": "1", "purpose": "training"}""".formatted(dataset)));
        ok(admin().postJson("/datasets/" + dataset + "/admissions", """
                {"trajectory-id": "%s", "split": "train"}""".formatted(train)));
        ok(admin().postJson("/datasets/" + dataset + "/admissions", """
                {"trajectory-id": "%s", "split": "eval"}""".formatted(eval)));
        ok(admin().postJson("/trajectories/" + eval + "/qa-checks", """
                {"check": "secrets", "result": "fail", "flags": ["secret"]}"""));
        awaitCheckpointOver(node.log().lastPosition()); // so inclusion is checked too

        JsonNode audit = admin().get("/datasets/" + dataset + "/audit").json();

        assertThat(audit.get("format").asText()).isEqualTo("runtape-provenance-audit/1");
        assertThat(audit.get("purpose").asText()).isEqualTo("training");
        List<String> findings = new ArrayList<>();
        audit.get("findings").forEach(f -> findings.add(f.get("kind").asText() + " " + f.get("subject").asText()));
        assertThat(findings).containsExactlyInAnyOrder(
                "data-use-forbids-purpose trajectory " + train,
                "retention-overdue trajectory " + eval,
                "unresolved-flag trajectory " + eval,
                "task-in-both-splits task " + task);
        assertThat(audit.get("summary").get("verified").asBoolean()).isTrue();
        assertThat(audit.get("summary").get("trajectories").asInt()).isEqualTo(2);
        JsonNode first = audit.get("trajectories").get(0);
        assertThat(first.get("trajectory-id").asText()).isEqualTo(train);
        assertThat(first.get("split").asText()).isEqualTo("train");
        List<String> custody = new ArrayList<>();
        first.get("custody").forEach(e -> custody.add(e.get("event-type").asText()));
        assertThat(custody).containsExactly("TrajectoryStarted", "StepsRecorded", "TrajectoryCompleted",
                "QaReviewed", "PolicySet", "LabelApplied", "LabelRetracted");
        assertThat(first.get("labels").get(0).get("detail").asText()).contains("retracted by").contains(
                "fine after all");
        assertThat(first.get("reviews").get(0).get("what").asText()).isEqualTo("accept");
        long checkpoint = audit.get("checkpoint-size").asLong();
        assertThat(checkpoint).isPositive();
        for (JsonNode statement : first.get("statements")) {
            assertThat(statement.get("signature").asBoolean()).as(statement.toString()).isTrue();
            assertThat(statement.get("chain").asBoolean()).as(statement.toString()).isTrue();
            assertThat(statement.get("included-in").asLong()).as(statement.toString()).isEqualTo(checkpoint);
        }

        Answer page = admin().withHeader("Accept", "text/html").get("/datasets/" + dataset + "/audit");
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String html = new String(page.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("Provenance audit of dataset " + dataset).contains("task-in-both-splits")
                .contains("&lt;b&gt;look&lt;/b&gt;").doesNotContain("<b>look</b>");

        Answer signed = admin().withHeader("Accept", "application/cose").get("/datasets/" + dataset + "/audit");
        CoseSign1 message = CoseSign1.decode(signed.bytes());
        Sign1Verifier.verify(message, node.keys().primary().verificationKey());
        JsonNode payload = new ObjectMapper().readTree(message.payload().orElseThrow());
        assertThat(payload.get("dataset-id").asText()).isEqualTo(dataset);
        assertThat(payload.get("findings")).isEqualTo(audit.get("findings"));
    }

    /** Waits, up to 10 s, for the integrator's checkpoint to cover {@code position}. */
    private void awaitCheckpointOver(long position) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (node.proofs().latestCheckpoint().map(c -> c.treeSize()).orElse(0L) < position) {
            assertThat(System.nanoTime()).as("a checkpoint over position %s within 10 s", position)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void anExportsAuditChecksUsesAgainstTheExportsPurpose() throws Exception {
        String task = id("task");
        ok(admin().postJson("/tasks", """
                {"task-id": "%s", "prompt": "Fix the lexer", "family": "audit"}""".formatted(task)));
        String run = acceptedRun(task);
        ok(admin().send("PUT", "/trajectories/" + run + "/policy", "application/json",
                "{\"data-use\": [\"evaluation\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String dataset = id("dataset");
        ok(admin().postJson("/datasets", """
                {"dataset-id": "%s", "name": "lexers", "version": "1", "purpose": "training"}""".formatted(dataset)));
        ok(admin().postJson("/datasets/" + dataset + "/admissions", """
                {"trajectory-id": "%s", "split": "eval"}""".formatted(run)));
        String export = id("export");
        ok(admin().postJson("/datasets/" + dataset + "/exports", """
                {"export-id": "%s", "manifest-digest": "%s", "recipient": "lab", "purpose": "evaluation"}"""
                .formatted(export, "cd".repeat(32))));

        JsonNode datasetAudit = admin().get("/datasets/" + dataset + "/audit").json();
        JsonNode exportAudit = admin().get("/datasets/" + dataset + "/exports/" + export + "/audit").json();
        Answer missing = admin().get("/datasets/" + dataset + "/exports/no-such-export/audit");
        Answer unknown = admin().get("/datasets/no-such-dataset/audit");

        assertThat(datasetAudit.get("findings")).hasSize(1);
        assertThat(exportAudit.get("purpose").asText()).isEqualTo("evaluation");
        assertThat(exportAudit.get("export").get("recipient").asText()).isEqualTo("lab");
        assertThat(exportAudit.get("findings")).as("evaluation is a permitted use").isEmpty();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }
}
