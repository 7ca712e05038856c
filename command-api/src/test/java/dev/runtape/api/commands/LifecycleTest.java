package dev.runtape.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.api.testing.StreamPayloads;
import dev.runtape.cbor.CborMap;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trajectory's whole life over HTTP, as the catalogue has it: task, operator, capture with an artifact, QA that
 * flags a secret, the redaction that resolves it, review, labels, policy, and a dataset that admits it, splits it
 * and seals and delivers an export. Each refusal on the way is checked to leave its stream as it was.
 */
class LifecycleTest extends ServiceTest {

    @Autowired
    private LedgerNode node;

    @Test
    void aTrajectoryGoesFromCaptureThroughQaAndRedactionIntoASealedExport() throws Exception {
        HttpClientForTests api = admin();
        expect(api.postJson("/tasks", """
                {"task-id": "life-task", "prompt": "Fix the parser", "family": "lifecycle"}"""), 201);
        expect(api.postJson("/operators", "{\"operator-id\": \"op-7f3a\", \"cohort\": \"2026-q4\"}"), 201);
        expect(api.postJson("/operators/op-7f3a/qualifications", """
                {"qualification": "python", "level": "senior", "valid-until": "2027-12-31T00:00:00Z"}"""), 200);
        expect(api.postJson("/trajectories", """
                {"trajectory-id": "life-1", "task-id": "life-task",
                 "actor": {"kind": "operator", "operator-id": "op-7f3a"}}"""), 201);
        expect(api.postJson("/trajectories/life-1/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "env", "exit-code": 0,
                            "stdout": "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI"}]}"""), 200);

        byte[] screenshot = "\u0089PNG not really, but bytes".getBytes(StandardCharsets.ISO_8859_1);
        Answer attached = expect(api.post("/trajectories/life-1/artifacts?name=screen%201.png&step=0", "image/png",
                screenshot), 200);
        assertThat(attached.json().get("artifact").get("digest").asText()).isEqualTo(Digest.sha256(screenshot).hex());
        assertThat(attached.json().get("artifact").get("name").asText()).isEqualTo("screen 1.png");
        assertThat(attached.json().get("revision").asLong()).isEqualTo(2);
        assertThat(node.content().get(Digest.sha256(screenshot))).hasValueSatisfying(
                stored -> assertThat(stored).isEqualTo(screenshot));

        expect(api.postJson("/trajectories/life-1/completion", "{\"outcome\": \"success\"}"), 200);
        expect(api.postJson("/trajectories/life-1/qa-checks", """
                {"check": "secret-scan", "result": "fail", "flags": ["secret"], "details": "AWS key in step 0"}"""),
                200);
        expect(api.postJson("/trajectories/life-1/reviews", """
                {"decision": "accept", "reason": "solves the task once the key is redacted"}"""), 200);
        expect(api.postJson("/datasets", """
                {"dataset-id": "life-ds", "name": "parsers", "version": "1", "purpose": "training"}"""), 201);

        Answer pending = expect(api.postJson("/datasets/life-ds/admissions", "{\"trajectory-id\": \"life-1\"}"),
                409);
        assertThat(pending.json().get("rule").asText()).isEqualTo("redaction-pending");

        Digest stdout = disclosedStdout("life-1");
        assertThat(node.content().contains(stdout)).isTrue();
        Answer redacted = expect(api.postJson("/trajectories/life-1/redactions", """
                {"digests": ["%s"], "kind": "redact", "reason": "a live credential"}""".formatted(stdout.hex())), 200);
        assertThat(redacted.json().get("deleted")).extracting(JsonNode::asText).containsExactly(stdout.hex());
        assertThat(node.content().contains(stdout)).isFalse();

        expect(api.postJson("/trajectories/life-1/labels", """
                {"label-id": "l-1", "step": 0, "category": "process", "value": "verification",
                 "comment": "ran env to look for the config"}"""), 200);
        expect(api.postJson("/trajectories/life-1/labels/l-1/retraction", "{\"reason\": \"it was exploration\"}"),
                200);
        expect(api.send("PUT", "/trajectories/life-1/policy", "application/json", """
                {"licence": "CC-BY-4.0", "data-use": ["training"]}""".getBytes(StandardCharsets.UTF_8)), 200);

        expect(api.postJson("/datasets/life-ds/admissions", "{\"trajectory-id\": \"life-1\"}"), 200);
        expect(api.postJson("/datasets/life-ds/splits", "{\"trajectory-id\": \"life-1\", \"split\": \"train\"}"),
                200);
        expect(api.send("PUT", "/datasets/life-ds/policy", "application/json",
                "{\"retention-until\": \"2030-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8)), 200);

        awaitCheckpoint();
        Digest manifest = Digest.sha256("a manifest".getBytes(StandardCharsets.UTF_8));
        expect(api.postJson("/datasets/life-ds/exports", """
                {"export-id": "x-1", "manifest-digest": "%s", "recipient": "acme-labs"}""".formatted(manifest.hex())),
                200);
        expect(api.postJson("/datasets/life-ds/exports/x-1/delivery", "{\"recipient\": \"acme-labs\"}"), 200);

        assertThat(eventTypes("/streams/trajectory/life-1")).containsExactly("TrajectoryStarted", "StepsRecorded",
                "ArtifactAttached", "TrajectoryCompleted", "QaCheckRecorded", "QaReviewed", "RedactionApplied",
                "LabelApplied", "LabelRetracted", "PolicySet");
        assertThat(eventTypes("/streams/dataset/life-ds")).containsExactly("DatasetDefined", "TrajectoryAdmitted",
                "SplitAssigned", "PolicySet", "ExportSealed", "ExportDelivered");
        assertThat(eventTypes("/streams/operator/op-7f3a")).containsExactly("OperatorEnrolled",
                "OperatorQualified");
    }

    @Test
    void aRedactionOfADigestTheTrajectoryDoesNotNameIsRefusedAndDeletesNothing() throws Exception {
        HttpClientForTests api = admin();
        captured(api, "life-2");
        Digest foreign = node.content().put("another trajectory's content".getBytes(StandardCharsets.UTF_8));

        Answer refused = expect(api.postJson("/trajectories/life-2/redactions", """
                {"digests": ["%s"], "kind": "erase", "reason": "gdpr"}""".formatted(foreign.hex())), 400);
        assertThat(refused.json().get("detail").asText()).contains(foreign.hex());
        assertThat(node.content().contains(foreign)).isTrue();
        assertThat(eventTypes("/streams/trajectory/life-2")).doesNotContain("RedactionApplied");
    }

    @Test
    void aRedactionRetriedWithItsEventIdDeletesOnlyWhatTheFirstNamed() throws Exception {
        HttpClientForTests api = admin();
        captured(api, "life-3");
        Digest stdout = disclosedStdout("life-3");
        Digest task = disclosedPrompt("life-task-life-3");
        expect(api.postJson("/trajectories/life-3/redactions", """
                {"digests": ["%s"], "kind": "redact", "reason": "pii", "event-id": "redact-life-3"}"""
                .formatted(stdout.hex())), 200);

        Answer again = expect(api.postJson("/trajectories/life-3/redactions", """
                {"digests": ["%s"], "kind": "redact", "reason": "pii", "event-id": "redact-life-3"}"""
                .formatted(stdout.hex())), 200);
        assertThat(again.json().get("absent")).extracting(JsonNode::asText).containsExactly(stdout.hex());

        // Another of the trajectory's digests under the same event id: a conflict, and nothing deleted.
        Digest command = disclosed("life-3", "command");
        Answer conflict = expect(api.postJson("/trajectories/life-3/redactions", """
                {"digests": ["%s"], "kind": "redact", "reason": "pii", "event-id": "redact-life-3"}"""
                .formatted(command.hex())), 409);
        assertThat(conflict.json().get("type").asText()).isEqualTo("urn:runtape:problem:event-id-conflict");
        assertThat(node.content().contains(command)).isTrue();

        // The task's prompt is not the trajectory's: refused before the event id is even looked at.
        expect(api.postJson("/trajectories/life-3/redactions", """
                {"digests": ["%s"], "kind": "redact", "reason": "pii"}""".formatted(task.hex())), 400);
        assertThat(node.content().contains(task)).isTrue();
        assertThat(eventTypes("/streams/trajectory/life-3")).containsOnlyOnce("RedactionApplied");
    }

    @Test
    void anArtifactWithoutAMediaTypeOrAsAFormIsRefusedAndTheTrajectoryUnchanged() {
        HttpClientForTests api = admin();
        captured(api, "life-4");
        assertThat(expect(api.post("/trajectories/life-4/artifacts", "multipart/form-data; boundary=x",
                "--x--".getBytes(StandardCharsets.UTF_8)), 415).json().get("type").asText())
                .isEqualTo("urn:runtape:problem:unsupported-media-type");
        expect(api.post("/trajectories/life-4/artifacts?step=first", "image/png", new byte[] {1}), 400);
        expect(api.post("/trajectories/nobody-has-this/artifacts", "image/png", new byte[] {1}), 404);
        assertThat(eventTypes("/streams/trajectory/life-4")).containsExactly("TrajectoryStarted", "StepsRecorded");
    }

    @Test
    void anExportSealedAgainstACheckpointTheLedgerNeverSignedIsRefused() throws Exception {
        HttpClientForTests api = admin();
        expect(api.postJson("/datasets", "{\"dataset-id\": \"life-ds-2\", \"name\": \"n\", \"version\": \"1\"}"),
                201);
        awaitCheckpoint();
        Answer refused = expect(api.postJson("/datasets/life-ds-2/exports", """
                {"export-id": "x", "manifest-digest": "%s", "recipient": "r",
                 "checkpoint": {"tree-size": 1, "root-hash": "%s"}}""".formatted(Digest.ZERO.hex(), Digest.ZERO.hex())),
                400);
        assertThat(refused.json().get("detail").asText()).contains("no checkpoint of tree size 1");
        assertThat(eventTypes("/streams/dataset/life-ds-2")).containsExactly("DatasetDefined");
    }

    private void captured(HttpClientForTests api, String trajectory) {
        expect(api.postJson("/tasks", """
                {"task-id": "life-task-%s", "prompt": "Fix it", "family": "lifecycle"}""".formatted(trajectory)), 201);
        expect(api.postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "life-task-%s", "actor": {"kind": "agent", "agent": "a"}}"""
                .formatted(trajectory, trajectory)), 201);
        expect(api.postJson("/trajectories/" + trajectory + "/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "id", "exit-code": 0, "stdout": "uid=0"}]}"""),
                200);
    }

    private Answer expect(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private List<String> eventTypes(String stream) {
        List<String> types = new ArrayList<>();
        admin().get(stream).json().get("statements").forEach(s -> types.add(s.get("event-type").asText()));
        return types;
    }

    private Digest disclosedStdout(String trajectory) {
        return disclosed(trajectory, "stdout");
    }

    private Digest disclosed(String trajectory, String member) {
        return StreamPayloads.stepDisclosure(admin(), trajectory, member);
    }

    private Digest disclosedPrompt(String task) {
        return StreamPayloads.digestOf((CborMap) StreamPayloads.payload(admin(), "/streams/task/" + task,
                "TaskDefined").get("prompt").orElseThrow());
    }

    private void awaitCheckpoint() throws InterruptedException {
        long last = node.log().lastPosition();
        for (int i = 0; i < 100; i++) {
            if (node.proofs().latestCheckpoint().map(c -> c.treeSize() >= last).orElse(false)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint covered position " + last + " within 5 s");
    }
}
