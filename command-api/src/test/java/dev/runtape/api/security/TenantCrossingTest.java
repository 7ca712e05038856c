package dev.runtape.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.node.LedgerNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A principal of tenant B naming streams of tenant A, with every role (admin): answered 404 as if the streams did not
 * exist, and nothing is stored. Tenant A's task is {@code crossing-task} with trajectory {@code crossing-trajectory}.
 */
class TenantCrossingTest extends ServiceTest {

    private static final String TASK = "crossing-task";
    private static final String TRAJECTORY = "crossing-trajectory";

    /** A request of tenant B's admin. */
    record Crossing(String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Crossing> crossings() {
        return Stream.of(
                new Crossing("GET", "/streams/task/" + TASK, ""),
                new Crossing("GET", "/streams/trajectory/" + TRAJECTORY, ""),
                new Crossing("POST", "/tasks", """
                        {"task-id": "%s", "prompt": "take it over", "family": "crossing"}""".formatted(TASK)),
                new Crossing("POST", "/trajectories", """
                        {"trajectory-id": "crossing-b-trajectory", "task-id": "%s",
                         "actor": {"kind": "agent", "agent": "b"}}""".formatted(TASK)),
                new Crossing("POST", "/trajectories", """
                        {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "b"}}"""
                        .formatted(TRAJECTORY, TASK)),
                new Crossing("POST", "/trajectories/" + TRAJECTORY + "/steps", """
                        {"steps": [{"kind": "reasoning", "index": 1, "content": "injected"}]}"""),
                new Crossing("POST", "/trajectories/" + TRAJECTORY + "/completion", "{\"outcome\": \"failure\"}"));
    }

    @Autowired
    private ApiKeys apiKeys;
    @Autowired
    private LedgerNode node;

    private HttpClientForTests tenantA;
    private HttpClientForTests tenantB;

    @BeforeEach
    void twoTenants() {
        tenantA = client().withApiKey(apiKeys.issue("crossing-a", "crossing-a", Set.of(Role.ADMIN)).key());
        tenantB = client().withApiKey(apiKeys.issue("crossing-b", "crossing-b", Set.of(Role.ADMIN)).key());
        if (tenantA.get("/streams/task/" + TASK).status() == 404) {
            assertThat(tenantA.postJson("/tasks", """
                    {"task-id": "%s", "prompt": "Fix it", "family": "crossing"}""".formatted(TASK)).status())
                    .isEqualTo(201);
            assertThat(tenantA.postJson("/trajectories", """
                    {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "a"}}"""
                    .formatted(TRAJECTORY, TASK)).status()).isEqualTo(201);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossings")
    void anotherTenantsStreamIsNotFoundAndNothingIsStored(Crossing crossing) {
        EventLog log = node.log();
        long before = log.lastPosition();

        Answer answer = tenantB.send(crossing.method(), crossing.path(),
                crossing.body().isEmpty() ? null : "application/json", crossing.body().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:runtape:problem:not-found");
        assertThat(log.lastPosition()).as("statements in the log").isEqualTo(before);
        assertThat(tenantA.get("/streams/task/" + TASK).json().get("revision").asLong()).isZero();
        assertThat(tenantA.get("/streams/trajectory/" + TRAJECTORY).json().get("revision").asLong()).isZero();
        assertThat(tenantB.get("/streams/trajectory/crossing-b-trajectory").status()).isEqualTo(404);
    }
}
