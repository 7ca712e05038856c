package dev.runtape.api.commands.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.verifier.cose.CoseSign1;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A trajectory captured over HTTP: task, start, steps, completion, read back as signed statements. */
class CaptureTest extends ServiceTest {

    private Answer startTrajectory(HttpClientForTests api, String task, String trajectory) {
        assertThat(api.postJson("/tasks", """
                {"task-id": "%s", "prompt": "Make the failing test pass", "family": "swe-bench"}""".formatted(task))
                .status()).isEqualTo(201);
        return api.postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "swe-agent"}}"""
                .formatted(trajectory, task));
    }

    @Test
    void aCapturedTrajectoryReadsBackAsChainedStatementsWithTheirRevisions() throws Exception {
        HttpClientForTests api = admin();
        Answer started = startTrajectory(api, "cap-task-1", "cap-1");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.header("Location")).isEqualTo("/streams/trajectory/cap-1");
        assertThat(started.header("ETag")).isEqualTo("\"0\"");

        Answer steps = api.postJson("/trajectories/cap-1/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "pytest -q", "exit-code": 1,
                            "stdout": "1 failed"},
                           {"kind": "file-edit", "index": 1, "path": "calc.py", "diff": "--- a\\n+++ b\\n"}]}""");
        assertThat(steps.status()).as(steps.toString()).isEqualTo(200);
        assertThat(steps.json().get("revision").asLong()).isEqualTo(1);

        Answer completed = api.withHeader("If-Match", "\"1\"").postJson("/trajectories/cap-1/completion",
                "{\"outcome\": \"success\", \"final-diff\": \"--- a\\n+++ b\\n\"}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

        JsonNode stream = api.get("/streams/trajectory/cap-1").json();
        assertThat(stream.get("revision").asLong()).isEqualTo(2);
        assertThat(stream.get("tenant").asText()).isEqualTo("default");
        assertThat(stream.get("statements")).extracting(node -> node.get("event-type").asText())
                .containsExactly("TrajectoryStarted", "StepsRecorded", "TrajectoryCompleted");
        byte[] first = Base64.getDecoder().decode(stream.get("statements").get(0).get("statement").asText());
        assertThat(CoseSign1.decode(first).payload()).isNotEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsAnsweredWithTheFirstOutcomeAndStoresNothingNew() {
        HttpClientForTests api = admin();
        startTrajectory(api, "cap-task-2", "cap-2");
        HttpClientForTests retrying = api.withHeader("Idempotency-Key", "cap-2-steps-0");
        String body = "{\"steps\": [{\"kind\": \"reasoning\", \"index\": 0, \"content\": \"look at the test\"}]}";

        Answer first = retrying.postJson("/trajectories/cap-2/steps", body);
        Answer again = retrying.postJson("/trajectories/cap-2/steps", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(api.get("/streams/trajectory/cap-2").json().get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void aStaleIfMatchIsAnswered412AndNothingIsStored() {
        HttpClientForTests api = admin();
        startTrajectory(api, "cap-task-3", "cap-3");

        Answer stale = api.withHeader("If-Match", "\"5\"").postJson("/trajectories/cap-3/steps",
                "{\"steps\": [{\"kind\": \"reasoning\", \"index\": 0, \"content\": \"x\"}]}");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:runtape:problem:precondition-failed");
        assertThat(stale.json().get("revision").asLong()).isZero();
        assertThat(api.get("/streams/trajectory/cap-3").json().get("revision").asLong()).isZero();
    }

    @Test
    void stepsBeforeTheTrajectoryStartedBreakARuleAndNamesIt() {
        Answer refused = admin().postJson("/trajectories/cap-nowhere/steps",
                "{\"steps\": [{\"kind\": \"reasoning\", \"index\": 0, \"content\": \"x\"}]}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:not-found");
    }

    @Test
    void aRequestWithoutCredentialsOrWithAWrongKeyIs401AsAProblem() {
        Answer none = client().postJson("/tasks", "{}");
        Answer wrong = client().withApiKey("rtk_000000000000_nope").get("/streams/task/x");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("type").asText()).isEqualTo("urn:runtape:problem:unauthenticated");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("type").asText()).isEqualTo("urn:runtape:problem:unauthenticated");
    }
}
