package dev.runtape.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ProducerForTests;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.api.testing.StreamPayloads;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.JwkCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every role, and no credentials, against every endpoint of the security table in {@link SecurityConfiguration} and
 * every read: allowed is past security (never 401 or 403; 2xx for the endpoints this branch implements), denied is
 * a 403 problem, no credentials a 401 problem. An endpoint added later is one line of {@link #ENDPOINTS}.
 *
 * <p>In paths and bodies, {@code {task}} is a task of the callers' tenant, {@code {new}} an id not used yet,
 * {@code {entry}} the entry of the task's statement, {@code {size}} the tree size of a signed checkpoint, {@code {jwk}}
 * a fresh public key, {@code {producer-kid}} the kid of a producer key registered for the request (never the
 * ledger's, whose revocation would stop the service's checkpoints verifying), and the other placeholders streams
 * made just before the request in the state the endpoint needs ({@link #resolve}). The body {@value #STATEMENT} is a
 * statement (COSE_Sign1) the caller signed itself with its registered key. The factory waits for a checkpoint before
 * any request, so the exports sealed here always have one to seal against.
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

    private static String sample(String path) {
        try {
            return Files.readString(Path.of("..", "..", "shared", "samples").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            post("/trajectories/{started}/steps", STEPS, Role.PRODUCER),
            // A real trajectory (mini-swe-agent): the first import stores it, later ones answer 200 and store nothing.
            post("/imports?name=local.traj.json", sample("mini-swe-agent/local.traj.json"), Role.PRODUCER),
            post("/trajectories/{trajectory}/completion", "{\"outcome\": \"success\"}", Role.PRODUCER),
            // Reads.
            get("/streams/task/{task}", ANY_ROLE),
            get("/streams/trajectory/{trajectory}", ANY_ROLE),
            get("/trajectories/{trajectory}/vac-record", ANY_ROLE),
            get("/trajectories/{trajectory}/analytics", ANY_ROLE),
            get("/analytics?group=model", ANY_ROLE),
            get("/search?q=whoami&facet=outcome", ANY_ROLE),
            get("/datasets/{admitted}/audit", ANY_ROLE),
            get("/datasets/{admitted}/training?split=train&form=chat", ANY_ROLE),
            get("/datasets/{sealed}/audit", ANY_ROLE),
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
            // Key management. A rotation leaves the old keys valid, so the tests sharing this service still verify.
            post("/admin/ledger-keys/rotation", "{}"),
            post("/admin/keys/{producer-kid}/revocation", "{\"effective-at\": \"2030-01-01T00:00:00Z\"}"),
            // Operations.
            get("/actuator/health", PUBLIC),
            get("/actuator/prometheus", roles(Role.AUDITOR)),
            get("/actuator/metrics", roles()),
            get("/v3/api-docs", PUBLIC),
            get("/swagger-ui/index.html", PUBLIC),
            get("/admin/api-keys", roles()),
            post("/admin/api-keys", "{\"principal\": \"matrix-issued-{new}\", \"roles\": [\"auditor\"]}"),
            post("/admin/api-keys/{api-key}/revocation", "{}"),
            post("/operators", "{\"operator-id\": \"{new}\"}", Role.PRODUCER),
            post("/operators/{operator}/qualifications", "{\"qualification\": \"python\"}", Role.PRODUCER),
            post("/trajectories/{trajectory}/artifacts?name=a.json", "{}", Role.PRODUCER),
            post("/trajectories/{completed}/qa-checks", "{\"check\": \"lint\", \"result\": \"pass\"}",
                    Role.REVIEWER, Role.PRODUCER),
            post("/trajectories/{completed}/reviews", "{\"decision\": \"accept\", \"reason\": \"ok\"}",
                    Role.REVIEWER),
            post("/trajectories/{trajectory}/labels", """
                    {"label-id": "{new}", "category": "failure", "value": "gave-up"}""", Role.LABELER),
            post("/trajectories/{label}/retraction", "{\"reason\": \"wrong\"}", Role.LABELER),
            post("/trajectories/{trajectory}/heuristic-labels", "", Role.LABELER),
            post("/trajectories/{trajectory}/redactions", """
                    {"digests": ["{stdout}"], "kind": "redact", "reason": "pii"}""", Role.REDACTOR),
            put("/trajectories/{trajectory}/policy", "{\"licence\": \"CC-BY-4.0\"}", Role.CURATOR),
            post("/datasets", "{\"dataset-id\": \"{new}\", \"name\": \"n\", \"version\": \"1\"}",
                    Role.CURATOR),
            post("/datasets/{dataset}/admissions", "{\"trajectory-id\": \"{accepted}\"}", Role.CURATOR),
            post("/datasets/{admitted}/splits", "{\"trajectory-id\": \"{admitted-trajectory}\", "
                    + "\"split\": \"eval\"}", Role.CURATOR),
            put("/datasets/{dataset}/policy", "{\"data-use\": [\"evaluation\"]}", Role.CURATOR),
            post("/datasets/{admitted}/bundles", "{\"export-id\": \"{new}\", \"recipient\": \"r\"}",
                    Role.CURATOR),
            post("/datasets/{dataset}/exports", """
                    {"export-id": "{new}", "manifest-digest": "%s", "recipient": "r"}""".formatted("ab".repeat(32)),
                    Role.CURATOR),
            post("/datasets/{sealed}/delivery", "{\"recipient\": \"r\"}", Role.CURATOR),
            // Lineage.
            get("/lineage/trajectory/{trajectory}", ANY_ROLE),
            get("/lineage/dataset/{admitted}?direction=up&depth=5", ANY_ROLE),
            get("/lineage/export/{sealed-export}?direction=down", ANY_ROLE),
            get("/admin/projections/lineage", roles()),
            post("/admin/projections/lineage/replay", "{}"),
            get("/admin/projections/search", roles()),
            post("/admin/projections/search/replay", "{}"),
            // Whatever the table does not name is refused to everyone.
            new Endpoint("DELETE", "/streams/task/{task}", null, new Nobody(), true));

    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    private ApiKeys apiKeys;

    private final Map<Role, HttpClientForTests> callers = new EnumMap<>(Role.class);
    private final Map<Role, ProducerForTests> signers = new EnumMap<>(Role.class);
    private @Nullable String task;
    private String lastTrajectory = "";
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

    /**
     * Fills a template's placeholders, each with a stream made for it just before the request, in the state the
     * endpoint needs; the path is resolved before the body, so {@code {stdout}} and {@code {admitted-trajectory}}
     * name what the path's placeholder made.
     */
    private String resolve(String template) {
        String resolved = template.replace("{new}", "matrix-" + IDS.incrementAndGet())
                .replace("{size}", Long.toString(checkpointSize))
                .replace("{jwk}", JwkCodec.encode(Ed25519SigningKey.generate(new SecureRandom()).verificationKey())
                        .toString());
        if (resolved.contains("{entry}")) {
            task();
            resolved = resolved.replace("{entry}", Long.toString(taskPosition));
        }
        Map<String, Supplier<String>> fixtures = new LinkedHashMap<>();
        fixtures.put("{task}", this::task);
        fixtures.put("{started}", this::trajectoryWithoutSteps);
        fixtures.put("{trajectory}", this::startTrajectory);
        fixtures.put("{completed}", this::completedTrajectory);
        fixtures.put("{label}", this::labelledTrajectory);
        fixtures.put("{stdout}", () -> StreamPayloads.stepDisclosure(matrixAdmin(), lastTrajectory, "stdout").hex());
        fixtures.put("{operator}", this::operator);
        fixtures.put("{producer-kid}", this::producerKid);
        fixtures.put("{dataset}", this::dataset);
        fixtures.put("{accepted}", this::acceptedTrajectory);
        fixtures.put("{admitted}", this::admittedDataset);
        fixtures.put("{admitted-trajectory}", () -> lastTrajectory);
        fixtures.put("{sealed}", this::sealedExport);
        fixtures.put("{sealed-export}", () -> sealedExport().replace("/exports/", "/"));
        fixtures.put("{api-key}", () -> apiKeys.issue("matrix-revocable-" + IDS.incrementAndGet(), TENANT,
                Set.of(Role.AUDITOR)).record().id());
        for (Map.Entry<String, Supplier<String>> fixture : fixtures.entrySet()) {
            if (resolved.contains(fixture.getKey())) {
                resolved = resolved.replace(fixture.getKey(), fixture.getValue().get());
            }
        }
        return resolved;
    }

    private String completedTrajectory() {
        String trajectory = startTrajectory();
        expectOk(matrixAdmin().postJson("/trajectories/" + trajectory + "/completion", "{\"outcome\": \"failure\"}"));
        return trajectory;
    }

    /** {@code TRAJECTORY/labels/LABEL}: a trajectory and a label on it. */
    private String labelledTrajectory() {
        String trajectory = startTrajectory();
        expectOk(matrixAdmin().postJson("/trajectories/" + trajectory + "/labels", """
                {"label-id": "l", "category": "comment", "value": "look again"}"""));
        return trajectory + "/labels/l";
    }

    private String acceptedTrajectory() {
        String trajectory = completedTrajectory();
        expectOk(matrixAdmin().postJson("/trajectories/" + trajectory + "/reviews", """
                {"decision": "accept", "reason": "meets the criteria"}"""));
        return trajectory;
    }

    private String producerKid() {
        String principal = "matrix-revoked-" + IDS.incrementAndGet();
        return new ProducerForTests(principal, TENANT).registeredBy(matrixAdmin()).key().verificationKey()
                .thumbprint().hex();
    }

    private String operator() {
        String operator = "matrix-operator-" + IDS.incrementAndGet();
        expectCreated(matrixAdmin().postJson("/operators", "{\"operator-id\": \"%s\"}".formatted(operator)));
        return operator;
    }

    private String dataset() {
        String dataset = "matrix-dataset-" + IDS.incrementAndGet();
        expectCreated(matrixAdmin().postJson("/datasets", """
                {"dataset-id": "%s", "name": "matrix", "version": "1"}""".formatted(dataset)));
        return dataset;
    }

    private String admittedDataset() {
        String dataset = dataset();
        expectOk(matrixAdmin().postJson("/datasets/" + dataset + "/admissions", """
                {"trajectory-id": "%s"}""".formatted(acceptedTrajectory())));
        return dataset;
    }

    /** {@code DATASET/exports/EXPORT}: a dataset with a sealed export. */
    private String sealedExport() {
        String dataset = dataset();
        expectOk(matrixAdmin().postJson("/datasets/" + dataset + "/exports", """
                {"export-id": "x", "manifest-digest": "%s", "recipient": "r"}""".formatted("cd".repeat(32))));
        return dataset + "/exports/x";
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

    private String trajectoryWithoutSteps() {
        String trajectory = "matrix-trajectory-" + IDS.incrementAndGet();
        expectCreated(matrixAdmin().postJson("/trajectories", """
                {"trajectory-id": "%s", "task-id": "%s", "actor": {"kind": "agent", "agent": "a"}}"""
                .formatted(trajectory, task())));
        return trajectory;
    }

    /** A trajectory with one step, whose stdout is a disclosure; remembered as the last trajectory made. */
    private String startTrajectory() {
        String trajectory = trajectoryWithoutSteps();
        expectOk(matrixAdmin().postJson("/trajectories/" + trajectory + "/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "whoami", "exit-code": 0,
                            "stdout": "root"}]}"""));
        lastTrajectory = trajectory;
        return trajectory;
    }

    /** The admin of the matrix's tenant, who makes the fixtures. */
    private HttpClientForTests matrixAdmin() {
        return callers.get(Role.ADMIN);
    }

    private static void expectOk(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static void expectCreated(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
}
