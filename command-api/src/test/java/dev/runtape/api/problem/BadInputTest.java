package dev.runtape.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.node.LedgerNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input of every kind the service meets, each answered with its own problem type and a detail that says what is
 * wrong, and each leaving the log exactly as it was.
 */
class BadInputTest extends ServiceTest {

    private static final String STEP = """
            {"steps": [{"kind": "reasoning", "index": 0, "content": "%s"}]}""";
    private static final String LARGE = STEP.formatted("x".repeat(4 * 1024 * 1024));

    @Autowired
    private LedgerNode node;

    @Autowired
    private ApiKeys apiKeys;

    private HttpClientForTests api;

    @BeforeEach
    void aTrajectoryWithoutSteps() {
        api = admin();
        if (api.get("/streams/trajectory/bad-1").status() == 404) {
            assertThat(api.postJson("/tasks", "{\"task-id\": \"bad-task\", \"prompt\": \"p\", \"family\": \"bad\"}")
                    .status()).isEqualTo(201);
            assertThat(api.postJson("/trajectories", """
                    {"trajectory-id": "bad-1", "task-id": "bad-task", "actor": {"kind": "agent", "agent": "a"}}""")
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        refused(() -> api.postJson("/trajectories/bad-1/steps", "{\"steps\": [{\"kind\": "), 400,
                "malformed-request", "Unexpected end-of-input");
    }

    @Test
    void anUnknownMemberIsNamed() {
        refused(() -> api.postJson("/trajectories/bad-1/steps", "{\"stepz\": []}"), 400, "malformed-request",
                "stepz");
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsRead() {
        refused(() -> api.postJson("/trajectories/bad-1/steps", LARGE), 413, "payload-too-large",
                "the limit is 4194304");
    }

    @Test
    void aChunkedBodyIsStoppedWhereItCrossesTheLimit() {
        byte[] body = LARGE.getBytes(StandardCharsets.UTF_8);
        refused(() -> api.postChunked("/trajectories/bad-1/steps", "application/json", body), 413,
                "payload-too-large", "larger than the limit of 4194304 bytes");
    }

    @Test
    void aSchemaInvalidStepIsRefusedWithThePathToTheFault() {
        refused(() -> api.postJson("/trajectories/bad-1/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "ls", "exit-code": "0"}]}"""), 422,
                "schema-invalid", "$.steps[0].exit-code");
    }

    @Test
    void anUnknownStepKindIsRefused() {
        refused(() -> api.postJson("/trajectories/bad-1/steps", """
                {"steps": [{"kind": "telepathy", "index": 0}]}"""), 422, "schema-invalid", "$.steps[0]");
    }

    @Test
    void anOutcomeTheCatalogueDoesNotKnowIsRefused() {
        refused(() -> api.postJson("/trajectories/bad-1/completion", "{\"outcome\": \"triumph\"}"), 400,
                "malformed-request", "triumph");
    }

    @Test
    void anotherTenantsTrajectoryDoesNotExistForTheCaller() {
        HttpClientForTests stranger = client().withApiKey(apiKeys.issue("bad-stranger", "elsewhere",
                Set.of(Role.PRODUCER)).key());
        refused(() -> stranger.postJson("/trajectories/bad-1/steps", STEP.formatted("hello")), 404, "not-found",
                "trajectory");
    }

    @Test
    void aStepOutOfOrderBreaksARule() {
        refused(() -> api.postJson("/trajectories/bad-1/steps", """
                {"steps": [{"kind": "reasoning", "index": 5, "content": "skipped ahead"}]}"""), 409,
                "rule-violated", "expected step 0 next");
    }

    @Test
    void anEventIdWithBadCharactersIsRefused() {
        refused(() -> api.withHeader("Idempotency-Key", "no spaces please").postJson("/trajectories/bad-1/steps",
                STEP.formatted("x")), 400, "invalid-request", "an event id is");
    }

    @Test
    void anEventIdReplayedWithOtherContentIsAConflictAndTheSameContentARetry() {
        HttpClientForTests retrying = api.withHeader("Idempotency-Key", "bad-replay");
        assertThat(api.postJson("/trajectories", """
                {"trajectory-id": "bad-2", "task-id": "bad-task", "actor": {"kind": "agent", "agent": "a"}}""")
                .status()).isEqualTo(201);
        Answer first = retrying.postJson("/trajectories/bad-2/steps", STEP.formatted("the first content"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        refused(() -> retrying.postJson("/trajectories/bad-2/steps", STEP.formatted("other content")), 409,
                "event-id-conflict", "already recorded a StepsRecorded with other content");
        Answer retried = retrying.postJson("/trajectories/bad-2/steps", STEP.formatted("the first content"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(first.json());
    }

    private void refused(Supplier<Answer> request, int status, String type, String detail) {
        long before = node.log().lastPosition();
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:runtape:problem:" + type);
        assertThat(answer.json().get("detail").asText()).contains(detail);
        assertThat(node.log().lastPosition()).as("the log is unchanged").isEqualTo(before);
        assertThat(admin().get("/streams/trajectory/bad-1").json().get("revision").asLong()).isZero();
    }
}
