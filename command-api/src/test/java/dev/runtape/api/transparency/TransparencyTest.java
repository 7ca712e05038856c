package dev.runtape.api.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtape.api.security.ApiKeys;
import dev.runtape.api.security.Role;
import dev.runtape.api.testing.HttpClientForTests;
import dev.runtape.api.testing.HttpClientForTests.Answer;
import dev.runtape.api.testing.ProducerForTests;
import dev.runtape.api.testing.ServiceTest;
import dev.runtape.cbor.CborArray;
import dev.runtape.cbor.CborByteString;
import dev.runtape.cbor.CborInteger;
import dev.runtape.cbor.CborProfile;
import dev.runtape.cbor.CborValue;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.trajectory.TrajectoryStarted;
import dev.runtape.ledger.keys.KeyRecord;
import dev.runtape.ledger.keys.KeySetCodec;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.verifier.CborInput;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointVerifier;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.keys.CoseKeyCodec;
import dev.runtape.verifier.keys.JwkCodec;
import dev.runtape.verifier.keys.KeySet;
import dev.runtape.verifier.merkle.ConsistencyProof;
import dev.runtape.verifier.merkle.Rfc9162Hasher;
import dev.runtape.verifier.receipt.Receipt;
import dev.runtape.verifier.receipt.ReceiptVerifier;
import dev.runtape.verifier.receipt.TreeHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Statements producers signed, registered over HTTP and polled until their receipts, which the verifier checks
 * against the signed checkpoints; consistency proofs between checkpoints; the public keys; refusals and tenants.
 */
class TransparencyTest extends ServiceTest {

    private static final String TENANT = "transparency";
    private static final AtomicInteger IDS = new AtomicInteger();

    @Autowired
    private ApiKeys apiKeys;

    @Autowired
    private LedgerNode node;

    private ProducerForTests producer;
    private HttpClientForTests api;

    @BeforeEach
    void producer() {
        String principal = "signing-producer-" + IDS.incrementAndGet();
        producer = new ProducerForTests(principal, TENANT).registeredBy(admin());
        api = client().withApiKey(apiKeys.issue(principal, TENANT, Set.of(Role.PRODUCER)).key());
    }

    private static String id(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    /** An entry and the receipt it was answered with. */
    private record Registered(String entry, byte[] receipt) {
    }

    /** Submits a statement and polls its entry until the receipt comes. */
    private Registered registerAndAwaitReceipt(byte[] statement) throws InterruptedException {
        Answer submitted = api.post("/entries", "application/cose", statement);
        assertThat(submitted.status()).as(submitted.toString()).isIn(201, 202);
        String location = submitted.header("Location");
        assertThat(location).matches("/entries/[1-9][0-9]*");
        if (submitted.status() == 201) {
            assertThat(submitted.header("Content-Type")).isEqualTo("application/cose");
            return new Registered(location, submitted.bytes());
        }
        assertThat(submitted.header("Retry-After")).isEqualTo("1");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Answer polled = api.get(location);
            assertThat(polled.status()).as(polled.toString()).isIn(200, 202);
            if (polled.status() == 200) {
                assertThat(polled.header("Content-Type")).isEqualTo("application/cose");
                return new Registered(location, polled.bytes());
            }
            assertThat(System.nanoTime()).as("the receipt within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private KeySet ledgerKeys() throws Exception {
        Answer keys = client().get("/.well-known/runtape/keys");
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(keys.header("Content-Type")).isEqualTo("application/cose-key-set");
        return CoseKeyCodec.decodeSet(keys.bytes());
    }

    private CoseSign1 latestCheckpoint() throws Exception {
        Answer latest = api.withHeader("Accept", "application/cose").get("/checkpoints/latest");
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        assertThat(latest.header("Content-Type")).isEqualTo("application/cose");
        return CoseSign1.decode(latest.bytes());
    }

    /** A receipt is given against the latest checkpoint; ask again if a newer one was signed in between. */
    private Checkpoint verifiedReceiptAndItsCheckpoint(byte[] statement, Registered registered) throws Exception {
        KeySet keys = ledgerKeys();
        byte[] answer = registered.receipt();
        for (int attempt = 0; ; attempt++) {
            Receipt receipt = Receipt.decode(answer);
            TreeHead head = ReceiptVerifier.verifyInclusion(receipt, Rfc9162Hasher.hashLeaf(statement),
                    keys.find(receipt.message().kid().orElseThrow()).orElseThrow());
            Checkpoint checkpoint = CheckpointVerifier.verify(latestCheckpoint(), keys);
            if (checkpoint.treeSize() == head.treeSize() || attempt == 20) {
                CheckpointVerifier.verifyCovers(checkpoint, head);
                return checkpoint;
            }
            answer = api.get(registered.entry()).bytes();
        }
    }

    @Test
    void aProducersStatementIsRegisteredPolledUntilItsReceiptAndTheReceiptVerifiesAgainstTheLatestCheckpoint()
            throws Exception {
        String trajectory = id("signed-trajectory");
        byte[] statement = producer.startTrajectory(trajectory, id("signed-task"), id("signed-event"));

        Registered registered = registerAndAwaitReceipt(statement);
        Checkpoint checkpoint = verifiedReceiptAndItsCheckpoint(statement, registered);
        Answer again = api.post("/entries", "application/cose", statement);
        assertThat(again.status()).as("integrated now: the receipt at once").isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(registered.entry());
        String entry = registered.entry();

        assertThat(checkpoint.treeSize()).isPositive();
        Answer stored = api.get(entry + "/statement");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.header("Content-Type")).isEqualTo("application/cose");
        assertThat(stored.bytes()).isEqualTo(statement);
        JsonNode stream = api.get("/streams/trajectory/" + trajectory).json();
        assertThat(stream.get("revision").asLong()).isZero();
        assertThat(Base64.getDecoder().decode(stream.at("/statements/0/statement").asText())).isEqualTo(statement);
    }

    @Test
    void theSameStatementSentAgainIsAnsweredWithItsEntryAndStoresNothing() throws Exception {
        String trajectory = id("retried-trajectory");
        byte[] statement = producer.startTrajectory(trajectory, id("retried-task"), id("retried-event"));
        Answer first = api.post("/entries", "application/cose", statement);
        long positionAfterFirst = node.log().lastPosition();

        Answer again = api.post("/entries", "application/cose", statement);

        assertThat(again.status()).as(again.toString()).isIn(201, 202);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(node.log().lastPosition()).isEqualTo(positionAfterFirst);
        assertThat(api.get("/streams/trajectory/" + trajectory).json().get("revision").asLong()).isZero();
    }

    @Test
    void anotherStatementUnderAStoredEventIdIsAConflict() {
        String eventId = id("conflicting-event");
        assertThat(api.post("/entries", "application/cose", producer.startTrajectory(id("first"), "task-x", eventId))
                .status()).isIn(201, 202);

        Answer conflict = api.post("/entries", "application/cose", producer.startTrajectory(id("second"), "task-x",
                eventId));

        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.json().get("type").asText()).isEqualTo("urn:runtape:problem:event-id-conflict");
    }

    @Test
    void aConsistencyProofBetweenTwoCheckpointsVerifiesInJsonAndInCbor() throws Exception {
        byte[] first = producer.startTrajectory(id("consistency-a"), "task-c", id("consistency-event"));
        Checkpoint older = verifiedReceiptAndItsCheckpoint(first, registerAndAwaitReceipt(first));
        byte[] second = producer.startTrajectory(id("consistency-b"), "task-c", id("consistency-event"));
        Checkpoint newer = verifiedReceiptAndItsCheckpoint(second, registerAndAwaitReceipt(second));
        assertThat(newer.treeSize()).isGreaterThan(older.treeSize());
        String query = "/proofs/consistency?from=" + older.treeSize() + "&to=" + newer.treeSize();

        Answer json = api.get(query);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        List<Digest> hashes = new ArrayList<>();
        for (JsonNode hash : json.json().get("hashes")) {
            hashes.add(Digest.ofHex(hash.asText()));
        }
        CheckpointVerifier.verifyConsistency(older, newer, new ConsistencyProof(json.json().get("from").asLong(),
                json.json().get("to").asLong(), hashes));

        Answer cbor = api.withHeader("Accept", "application/cbor").get(query);
        assertThat(cbor.status()).as(cbor.toString()).isEqualTo(200);
        assertThat(cbor.header("Content-Type")).isEqualTo("application/cbor");
        CborArray proof = (CborArray) CborInput.decode(cbor.bytes(), CborProfile.DETERMINISTIC, "consistency proof");
        List<Digest> cborHashes = new ArrayList<>();
        for (CborValue hash : ((CborArray) proof.get(2)).items()) {
            cborHashes.add(Digest.of(((CborByteString) hash).bytes()));
        }
        CheckpointVerifier.verifyConsistency(older, newer, new ConsistencyProof(
                ((CborInteger) proof.get(0)).longValueExact(), ((CborInteger) proof.get(1)).longValueExact(),
                cborHashes));
        assertThat(cborHashes).isEqualTo(hashes);
    }

    @Test
    void badOrReversedSizesAndSizesWithoutACheckpointAreRefused() throws Exception {
        byte[] statement = producer.startTrajectory(id("sizes"), "task-s", id("sizes-event"));
        long size = verifiedReceiptAndItsCheckpoint(statement, registerAndAwaitReceipt(statement)).treeSize();

        for (String query : List.of("from=0&to=" + size, "from=" + size + "&to=1", "from=-3&to=-1")) {
            Answer refused = api.get("/proofs/consistency?" + query);
            assertThat(refused.status()).as(query + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:invalid-request");
        }
        Answer none = api.get("/proofs/consistency?from=1&to=" + (size + 1_000_000));
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(none.json().get("type").asText()).isEqualTo("urn:runtape:problem:no-such-checkpoint");
        Answer missing = api.get("/proofs/consistency?from=1");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    }

    @Test
    void aStatementOfAnEventTypeTheCatalogueLacksIsRefusedAsSchemaInvalidAndNothingIsStored() {
        String trajectory = id("unknown-type");
        String eventId = id("unknown-type-event");
        byte[] statement = producer.startTrajectoryAs("TrajectoryExploded", trajectory, "task-u", eventId);
        long before = node.log().lastPosition();

        Answer refused = api.post("/entries", "application/cose", statement);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:schema-invalid");
        assertThat(refused.json().get("detail").asText()).contains("TrajectoryExploded");
        assertThat(node.log().lastPosition()).isEqualTo(before);
    }

    @Test
    void aBitFlippedStatementIsRefusedAndNothingIsStored() {
        String trajectory = id("flipped-trajectory");
        String eventId = id("flipped-event");
        byte[] statement = producer.startTrajectory(trajectory, "task-f", eventId);
        statement[statement.length - 1] ^= 1;
        long before = node.log().lastPosition();

        Answer refused = api.withHeader("Accept", "application/cose").post("/entries", "application/cose", statement);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:runtape:problem:statement-rejected");
        assertThat(refused.json().get("rejection").asText()).isEqualTo("bad-signature");
        assertThat(node.log().findByEventId(eventId)).isEmpty();
        assertThat(node.log().lastPosition()).isEqualTo(before);
        assertThat(api.get("/streams/trajectory/" + trajectory).status()).isEqualTo(404);
    }

    @Test
    void aStatementForAnotherPrincipalOrTenantIsForbiddenAndOtherBodiesAreRefused() {
        ProducerForTests other = new ProducerForTests(id("other-producer"), TENANT).registeredBy(admin());
        Answer notMine = api.post("/entries", "application/cose", other.startTrajectory(id("t"), "task-o",
                id("e")));
        assertThat(notMine.status()).as(notMine.toString()).isEqualTo(403);
        assertThat(notMine.json().get("type").asText()).isEqualTo("urn:runtape:problem:forbidden");

        byte[] elsewhere = producer.sign(new TrajectoryStarted(id("t"), "task-o",
                new Actor.Agent("a", null), null, null, null, null, null, null,
                null), StreamId.of(StreamId.Kind.TRAJECTORY, id("t")),
                0, Digest.ZERO, id("e"), "another-tenant");
        Answer otherTenant = api.post("/entries", "application/cose", elsewhere);
        assertThat(otherTenant.status()).as(otherTenant.toString()).isEqualTo(403);

        Answer json = api.postJson("/entries", "{}");
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        Answer garbage = api.post("/entries", "application/cose", "not a statement".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(400);
        assertThat(garbage.json().get("rejection").asText()).isEqualTo("malformed");
    }

    @Test
    void aStatementNamingAnotherTenantsTaskIsAnsweredAsIfTheTaskDidNotExistAndNothingIsStored() {
        String task = id("default-tenant-task");
        assertThat(admin().postJson("/tasks", """
                {"task-id": "%s", "prompt": "Fix it", "family": "signed"}""".formatted(task)).status()).isEqualTo(201);
        String eventId = id("crossing-event");

        Answer crossing = api.post("/entries", "application/cose", producer.startTrajectory(id("crossing"), task,
                eventId));

        assertThat(crossing.status()).as(crossing.toString()).isEqualTo(404);
        assertThat(crossing.json().get("type").asText()).isEqualTo("urn:runtape:problem:not-found");
        assertThat(node.log().findByEventId(eventId)).isEmpty();
    }

    @Test
    void anotherTenantsEntryIsNotFound() throws Exception {
        byte[] statement = producer.startTrajectory(id("private"), "task-p", id("private-event"));
        String entry = api.post("/entries", "application/cose", statement).header("Location");
        HttpClientForTests stranger = client().withApiKey(apiKeys.issue(id("stranger"), "elsewhere",
                Set.of(Role.AUDITOR)).key());

        for (String path : List.of(entry, entry + "/statement", "/entries/abc", "/entries/0",
                "/entries/999999999")) {
            Answer answer = stranger.withHeader("Accept", "application/cose").get(path);
            assertThat(answer.status()).as(path + ": " + answer).isEqualTo(404);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:runtape:problem:not-found");
        }
        assertThat(api.get(entry + "/statement").status()).isEqualTo(200);
    }

    @Test
    void theCheckpointHasAJsonViewOfWhatItStates() throws Exception {
        byte[] statement = producer.startTrajectory(id("view"), "task-v", id("view-event"));
        registerAndAwaitReceipt(statement);
        Checkpoint signed = CheckpointVerifier.verify(latestCheckpoint(), ledgerKeys());

        JsonNode view = api.withHeader("Accept", "application/json").get("/checkpoints/latest").json();

        assertThat(view.get("tree-size").asLong()).isGreaterThanOrEqualTo(signed.treeSize());
        if (view.get("tree-size").asLong() == signed.treeSize()) {
            assertThat(view.get("root").asText()).isEqualTo(signed.root().hex());
        }
        assertThat(view.get("origin").asText()).isEqualTo(signed.origin());
        // A ledger key, not necessarily the primary: after a rotation checkpoints keep the key the service started with.
        assertThat(ledgerKeys().find(HexFormat.of().parseHex(view.get("kid").asText()))).isPresent();
        assertThat(view.has("timestamp")).isTrue();
        assertThat(api.withHeader("Accept", "text/html").get("/checkpoints/latest").status()).isEqualTo(406);
    }

    @Test
    void theKeySetsParseWithTheVerifiersDecoders() throws Exception {
        Digest ledgerKid = node.keys().primaryRecord().kid();
        assertThat(ledgerKeys().find(ledgerKid.bytes())).isPresent();

        Answer ledgerJwks = client().withHeader("Accept", "application/jwk-set+json").get("/.well-known/runtape/keys");
        assertThat(ledgerJwks.header("Content-Type")).isEqualTo("application/jwk-set+json");
        assertThat(JwkCodec.decodeSet(new String(ledgerJwks.bytes(), StandardCharsets.UTF_8)).find(ledgerKid.bytes()))
                .isPresent();
        Answer jwks = client().get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Content-Type")).isEqualTo("application/jwk-set+json");
        KeySet jwkSet = JwkCodec.decodeSet(new String(jwks.bytes(), StandardCharsets.UTF_8));
        assertThat(jwkSet.find(ledgerKid.bytes())).isPresent();
        Digest producerKid = producer.key().verificationKey().thumbprint();
        assertThat(jwkSet.find(producerKid.bytes())).as("the ledger's set holds no producer key").isEmpty();

        Answer producers = client().get("/.well-known/runtape/producer-keys");
        assertThat(producers.header("Content-Type")).isEqualTo("application/cose-key-set");
        assertThat(CoseKeyCodec.decodeSet(producers.bytes()).find(producerKid.bytes())).isPresent();
        assertThat(KeySetCodec.decode(producers.bytes())).filteredOn(key -> key.kid().equals(producerKid))
                .extracting(KeyRecord::principal).containsExactly(Optional.of(producer.principal()));
        Answer producersJwks = client().withHeader("Accept", "application/json").get(
                "/.well-known/runtape/producer-keys");
        assertThat(JwkCodec.decodeSet(new String(producersJwks.bytes(), StandardCharsets.UTF_8))
                .find(producerKid.bytes())).isPresent();
        assertThat(producersJwks.bytes().length).isPositive();
    }

    @Test
    void aKeyIsRegisteredOnce() {
        Answer again = admin().postJson("/admin/producer-keys", """
                {"principal": "someone-else", "jwk": %s}""".formatted(JwkCodec.encode(
                producer.key().verificationKey())));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("urn:runtape:problem:key-already-registered");
        Answer neither = admin().postJson("/admin/producer-keys", "{\"principal\": \"p\"}");
        assertThat(neither.status()).isEqualTo(400);
        Answer notAdmin = api.postJson("/admin/producer-keys", "{\"principal\": \"p\"}");
        assertThat(notAdmin.status()).isEqualTo(403);
    }
}
