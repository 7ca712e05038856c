package dev.runtape.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ProducerForTests;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.JwkCodec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role, and no credentials, against every endpoint of the security table in {@link SecurityConfiguration} and
 * every read: allowed is past security (never 401 or 403; 2xx for the endpoints this branch implements), denied is
 * a 403 problem, no credentials a 401 problem. An endpoint added later is one line of {@link #ENDPOINTS}.
 *
 * <p>In paths and bodies, {@code {task}} is a task of the callers' tenant, {@code {trajectory}} a trajectory started
 * on it just before the request, {@code {new}} an id not used yet, {@code {entry}} the entry of the task's
 * statement, {@code {size}} the tree size of a signed checkpoint and {@code {jwk}} a fresh public key. The body
 * {@value #STATEMENT} is a statement (COSE_Sign1) the caller signed itself with its registered key.
 */
class RoleMatrixTest extends ServiceTest {

    private static final String TENANT = "matrix";
    private static final String STATEMENT = "{statement}";
    private static final String STEPS = """
            {"steps": [{"kind": "reasoning", "index": 0, "content": "read the failing test"}]}""";

    /** Who may call an endpoint. */
    private sealed interface Access {
    }

    /** No credentials needed. */
    private record Public() implements Access {
    }

    /** These roles, and admin, which the table always lists too. */
    private record Roles(Set<Role> roles) implements Access {
    }

    /** Nobody: the table's {@code denyAll}. */
    private record Nobody() implements Access {
    }

    /**
     * One endpoint: its request, who may call it, and whether this branch implements it (then an allowed call must
     * succeed; otherwise only getting past security is checked, and a 404 from a missing controller counts).
     */
    private record Endpoint(String method, String path, @Nullable String body, Access access, boolean implemented) {

        boolean allows(@Nullable Role role) {
            return switch (access) {
                case Public open -> true;
                case Nobody nobody -> false;
                case Roles roles -> role != null && (role == Role.ADMIN || roles.roles().contains(role));
            };
        }

        Endpoint securityOnly() {
            return new Endpoint(method, path, body, access, false);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Endpoint get(String path, Access access) {
        return new Endpoint("GET", path, null, access, true);
    }

    private static Endpoint post(String path, String body, Role... roles) {
        return new Endpoint("POST", path, body, roles(roles), true);
    }

    private static Endpoint put(String path, String body, Role... roles) {
        return new Endpoint("PUT", path, body, roles(roles), true);
    }

    private static Access roles(Role... roles) {
        return new Roles(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
    }

    private static final Access ANY_ROLE = roles(Role.values());
    private static final Access PUBLIC = new Public();

    private static final List<Endpoint> ENDPOINTS = List.of(
            // Capture, on this branch.
            post("/tasks", """
                    {"task-id": "{new}", "prompt": "Make the failing test pass", "family": "matrix"}""",
                    Role.PRODUCER),
            post("/trajectories", """
                    {"trajectory-id": "{new}", "task-id": "{task}", "actor": {"kind": "agent", "agent": "a"}}""",
                    Role.PRODUCER),
            post("/trajectories/{trajectory}/steps", STEPS, Role.PRODUCER),
            post("/trajectories/{trajectory}/completion", "{\"outcome\": \"success\"}", Role.PRODUCER),
            // Reads.
            get("/streams/task/{task}", ANY_ROLE),
            get("/streams/trajectory/{trajectory}", ANY_ROLE),
            // Transparency, on this branch.
            post("/entries", STATEMENT, Role.PRODUCER),
            get("/entries/{entry}", ANY_ROLE),
            get("/entries/{entry}/statement", ANY_ROLE),
            get("/checkpoints/latest", ANY_ROLE),
            get("/proofs/consistency?from={size}&to={size}", ANY_ROLE),
            get("/.well-known/runtape/keys", PUBLIC),
            get("/.well-known/runtape/producer-keys", PUBLIC),
            get("/.well-known/jwks.json", PUBLIC),
            post("/admin/producer-keys", """
                    {"principal": "matrix-key-owner-{new}", "jwk": {jwk}}"""),
            // Operations.
            get("/actuator/health", PUBLIC),
            get("/actuator/prometheus", roles(Role.AUDITOR)),
            get("/actuator/metrics", roles()),
            get("/v3/api-docs", PUBLIC),
            get("/swagger-ui/index.html", PUBLIC),
            get("/admin/api-keys", roles()).securityOnly(),
            post("/admin/api-keys", "{}").securityOnly(),
            // Commands other branches implement: only the security outcome is checked until they land.
            post("/operators", "{}", Role.PRODUCER).securityOnly(),
            post("/operators/{new}/qualifications", "{}", Role.PRODUCER).securityOnly(),
            post("/trajectories/{trajectory}/artifacts", "{}", Role.PRODUCER).securityOnly(),
            post("/trajectories/{trajectory}/qa-checks", "{}", Role.REVIEWER, Role.PRODUCER).securityOnly(),
            post("/trajectories/{trajectory}/reviews", "{}", Role.REVIEWER).securityOnly(),
            post("/trajectories/{trajectory}/labels", "{}", Role.LABELER).securityOnly(),
            post("/trajectories/{trajectory}/labels/{new}/retraction", "{}", Role.LABELER).securityOnly(),
            post("/trajectories/{trajectory}/redactions", "{}", Role.REDACTOR).securityOnly(),
            put("/trajectories/{trajectory}/policy", "{}", Role.CURATOR).securityOnly(),
            post("/datasets", "{}", Role.CURATOR).securityOnly(),
            post("/datasets/{new}/admissions", "{}", Role.CURATOR).securityOnly(),
            put("/datasets/{new}/policy", "{}", Role.CURATOR).securityOnly(),
            // Whatever the table does not name is refused to everyone.
            new Endpoint("DELETE", "/streams/task/{task}", null, new Nobody(), true));

    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    private ApiKeys apiKeys;

    private final Map<Role, HttpClientForTests> callers = new EnumMap<>(Role.class);
    private final Map<Role, ProducerForTests> signers = new EnumMap<>(Role.class);
    private @Nullable String task;
    private long taskPosition;
    private long checkpointSize;

    @TestFactory
    List<DynamicTest> everyRoleAgainstEveryEndpoint() throws InterruptedException {
        for (Role role : Role.values()) {
            callers.put(role, client().withApiKey(apiKeys.issue("matrix-" + role.label(), TENANT, Set.of(role))
                    .key()));
            signers.put(role, new ProducerForTests("matrix-" + role.label(), TENANT).registeredBy(admin()));
        }
        checkpointSize = awaitCheckpointOf(task());
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                tests.add(dynamicTest(endpoint + " as " + role.label(), () -> check(endpoint, role)));
            }
            tests.add(dynamicTest(endpoint + " without credentials", () -> check(endpoint, null)));
        }
        return tests;
    }

    private void check(Endpoint endpoint, @Nullable Role role) {
        HttpClientForTests api = role == null ? client() : callers.get(role);
        String path = resolve(endpoint.path());
        String body = endpoint.body() == null ? null : resolve(endpoint.body());
        Answer answer = STATEMENT.equals(body) ? api.post(path, "application/cose", signedBy(role))
                : api.send(endpoint.method(), path, body == null ? null : "application/json",
                        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        String what = endpoint.method() + " " + path + " as " + (role == null ? "nobody" : role.label()) + ": "
                + answer;

        if (endpoint.allows(role)) {
            assertThat(answer.status()).as(what).isNotIn(401, 403);
            if (endpoint.implemented()) {
                assertThat(answer.status()).as(what).isBetween(200, 299);
            }
        } else {
            int expected = role == null ? 401 : 403;
            assertThat(answer.status()).as(what).isEqualTo(expected);
            assertThat(answer.header("Content-Type")).as(what).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asText()).as(what).isEqualTo("urn:runtape:problem:"
                    + (role == null ? "unauthenticated" : "forbidden"));
        }
    }

    private String resolve(String template) {
        String resolved = template.replace("{new}", "matrix-" + IDS.incrementAndGet())
                .replace("{size}", Long.toString(checkpointSize))
                .replace("{jwk}", JwkCodec.encode(Ed25519SigningKey.generate(new SecureRandom()).verificationKey())
                        .toString());
        if (resolved.contains("{entry}")) {
            task();
            resolved = resolved.replace("{entry}", Long.toString(taskPosition));
        }
        if (resolved.contains("{task}")) {
            resolved = resolved.replace("{task}", task());
        }
        if (resolved.contains("{trajectory}")) {
            resolved = resolved.replace("{trajectory}", startTrajectory());
        }
        return resolved;
    }

    private String task() {
        if (task == null) {
            task = "matrix-task-" + IDS.incrementAndGet();
            Answer created = callers.get(Role.ADMIN).postJson("/tasks", """
                    {"task-id": "%s", "prompt": "Make the failing test pass", "family": "matrix"}""".formatted(task));
            expectCreated(created);
            taskPosition = created.json().get("position").asLong();
        }
        return task;
    }

    /** The tree size of the first checkpoint that covers the task's statement. */
    private long awaitCheckpointOf(String task) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Answer latest = callers.get(Role.ADMIN).withHeader("Accept", "application/json")
                    .get("/checkpoints/latest");
            if (latest.status() == 200 && latest.json().get("tree-size").asLong() >= taskPosition) {
                return latest.json().get("tree-size").asLong();
            }
            assertThat(System.nanoTime()).as("a checkpoint over %s within 10 s", task).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** A new trajectory's first statement, signed by the caller of {@code role} itself (any caller for no role). */
    private byte[] signedBy(@Nullable Role role) {
        String trajectory = "matrix-signed-" + IDS.incrementAndGet();
        return signers.get(role == null ? Role.PRODUCER : role).startTrajectory(trajectory, task(),
                trajectory + "-started");
    }

    private String startTrajectory() {
        String trajectory = "matrix-trajectory-" + IDS.incrementAndGet();
        expectCreated(callers.get(Role.ADMIN).postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "a"}}"""
                .formatted(trajectory, task())));
        return trajectory;
    }

    private static void expectCreated(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
}
