package dev.runtape.ledger.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtape.ledger.domain.Rule;
import dev.runtape.ledger.domain.RuleViolation;
import dev.runtape.ledger.domain.Streams;
import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.common.Step;
import dev.runtape.ledger.domain.dataset.AdmitTrajectory;
import dev.runtape.ledger.domain.dataset.DefineDataset;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.domain.trajectory.CompleteTrajectory;
import dev.runtape.ledger.domain.trajectory.QaReviewed;
import dev.runtape.ledger.domain.trajectory.RecordSteps;
import dev.runtape.ledger.domain.trajectory.ReviewQa;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.domain.trajectory.TrajectoryCompleted;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.Rejection;
import dev.runtape.ledger.statement.Statement;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.statement.StatementValidator;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.cose.CoseSign1;
import dev.runtape.verifier.cose.Sign1Verifier;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain on Axon, through the ledger's storage engine, on a real SQLite log. */
class LedgerEngineTest {

    @TempDir
    Path directory;

    private final Ed25519SigningKey ledgerKey = Ed25519SigningKey.generate(new SecureRandom());
    private SqliteDatabase database;
    private SqliteEventLog log;
    private LedgerEventStorageEngine engine;
    private Configuration axon;

    @BeforeEach
    void start() throws Exception {
        database = SqliteDatabase.open(directory.resolve("ledger.db"));
        log = SqliteEventLog.open(database);
        startAxon();
    }

    private void startAxon() {
        SigningMint mint = new SigningMint(LedgerKeyRing.create(ledgerKey, Instant.parse("2026-01-01T00:00:00Z")),
                new StatementChecker(ProducerKeyRegistry.empty()), Clock.systemUTC());
        engine = new LedgerEventStorageEngine(log, mint, new CodecReader(), EngineSettings.DEFAULTS);
        axon = LedgerConfiguration.configurer(engine, log).buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() throws Exception {
        axon.shutdown();
        log.close();
        database.close();
    }

    private Object send(Object command) {
        return axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(LedgerMetaData.PRINCIPAL, "capture-agent", LedgerMetaData.TENANT, "acme")));
    }

    private static ContentRef ref(String text) {
        return new ContentRef(Digest.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "text/plain",
                (long) text.length());
    }

    private static Step message(long index) {
        ObjectNode step = JsonNodeFactory.instance.objectNode().put("kind", "message").put("index", index)
                .put("role", "assistant");
        step.set("content", JsonNodeFactory.instance.objectNode()
                .put("digest", Digest.sha256(new byte[] {(byte) index}).bytes()));
        return Step.of(step);
    }

    private void runAcceptedTrajectory(String id) {
        send(new StartTrajectory(id, "task-1", new Actor.Agent("swe-agent", "1.1"), null, null, null, null, null,
                null, null));
        send(new RecordSteps(id, List.of(message(0), message(1))));
        send(new CompleteTrajectory(id, TrajectoryCompleted.Outcome.SUCCESS, List.of("tests pass"), null, null, null,
                null));
        send(new ReviewQa(id, QaReviewed.Decision.ACCEPT, "clean run", "reviewer-7"));
    }

    @Test
    void aWholeLifeCycleBecomesSignedChainedStatementsThatValidate() throws Exception {
        send(new DefineTask("task-1", ref("Fix the failing test"), "swe-bench", List.of("tests pass"), null, null));
        runAcceptedTrajectory("t-1");
        send(new DefineDataset("d-1", "swe-train", "2026.11", "training", null));
        send(new AdmitTrajectory("d-1", "t-1", null));

        List<LogEntry> entries = log.readAfter(0, 100);
        assertThat(entries).extracting(LogEntry::eventType).containsExactly("TaskDefined", "TrajectoryStarted",
                "StepsRecorded", "TrajectoryCompleted", "QaReviewed", "DatasetDefined", "TrajectoryAdmitted");
        Map<StreamId, Digest> heads = new java.util.HashMap<>();
        for (LogEntry entry : entries) {
            Statement statement = Statement.read(entry.statement());
            Sign1Verifier.verify(CoseSign1.decode(entry.statement().bytes()), ledgerKey.verificationKey());
            StatementValidator.checkStatement(dev.runtape.cbor.CborDecoder.decode(entry.statement().bytes()));
            assertThat(statement.header().prev()).isEqualTo(heads.getOrDefault(entry.stream(), Digest.ZERO));
            assertThat(statement.header().streamRevision()).isEqualTo(entry.revision());
            assertThat(statement.header().iss()).isEqualTo("capture-agent");
            assertThat(statement.header().tenant()).isEqualTo("acme");
            assertThat(statement.header().sub()).isEqualTo(entry.stream());
            heads.put(entry.stream(), entry.statement().digest());
        }
    }

    @Test
    void aTrajectoryWithoutAnAcceptingReviewStaysOutOfTheDatasetAndNothingIsStored() {
        send(new StartTrajectory("t-2", "task-1", new Actor.Agent("swe-agent", null), null, null, null, null, null,
                null, null));
        send(new DefineDataset("d-1", "swe-train", "2026.11", null, null));
        long before = log.lastPosition();

        assertThatThrownBy(() -> send(new AdmitTrajectory("d-1", "t-2", null)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.NOT_ACCEPTED_BY_QA));
        assertThatThrownBy(() -> send(new AdmitTrajectory("d-1", "nobody", null)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.UNKNOWN_SUBJECT));
        assertThat(log.lastPosition()).isEqualTo(before);
    }

    @Test
    void aggregatesAreRebuiltFromTheirStatementsAfterARestart() {
        runAcceptedTrajectory("t-3");
        axon.shutdown();
        startAxon();

        assertThatThrownBy(() -> send(new RecordSteps("t-3", List.of(message(2)))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.TRAJECTORY_NOT_OPEN));
        send(new DefineDataset("d-3", "swe-train", "2026.11", null, null));
        send(new AdmitTrajectory("d-3", "t-3", null));
        assertThat(log.head(new StreamId("dataset/d-3")).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void aPayloadTheSchemaRefusesIsNotStored() {
        send(new StartTrajectory("t-4", "task-1", new Actor.Agent("swe-agent", null), null, null, null, null, null,
                null, null));
        long before = log.lastPosition();
        Step kindless = Step.of(JsonNodeFactory.instance.objectNode().put("index", 0));

        assertThatThrownBy(() -> send(new RecordSteps("t-4", List.of(kindless))))
                .isInstanceOfSatisfying(StatementRefusedException.class,
                        refused -> assertThat(refused.rejection()).isEqualTo(Rejection.SCHEMA_INVALID));
        assertThat(log.lastPosition()).isEqualTo(before);
    }

    @Test
    void anAppendOnAStaleRevisionIsAConcurrencyConflictAndChangesNothing() {
        runAcceptedTrajectory("t-5");
        long before = log.lastPosition();
        StepsRecorded late = new StepsRecorded("t-5", List.of(message(2)));

        assertThatThrownBy(() -> engine.appendEvents(List.of(new GenericDomainEventMessage<>("Trajectory",
                Streams.trajectory("t-5"), 2, late, MetaData.emptyInstance()))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(log.lastPosition()).isEqualTo(before);
    }

    @Test
    void aRetriedCommandWithTheSameEventIdIsAnsweredFromTheLogAndStoredOnce() {
        send(new StartTrajectory("t-6", "task-1", new Actor.Agent("swe-agent", null), null, null, null, null, null,
                null, null));
        RecordSteps steps = new RecordSteps("t-6", List.of(message(0), message(1)));
        Map<String, String> retryable = Map.of(LedgerMetaData.EVENT_ID, "steps-0-1", LedgerMetaData.PRINCIPAL, "a");
        axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(steps).andMetaData(retryable));
        long after = log.lastPosition();

        axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(steps).andMetaData(retryable));

        assertThat(log.lastPosition()).isEqualTo(after);
        assertThat(log.findByEventId("steps-0-1").orElseThrow().revision()).isEqualTo(1);
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(steps)))
                .as("the same steps without the event id are a new command, and out of order")
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aCommandExpectingAnOlderRevisionIsAConflictAndTheCurrentRevisionIsAccepted() {
        send(new StartTrajectory("t-7", "task-1", new Actor.Agent("swe-agent", null), null, null, null, null, null,
                null, null));
        send(new RecordSteps("t-7", List.of(message(0))));
        long before = log.lastPosition();

        assertThatThrownBy(() -> sendExpecting(0, new RecordSteps("t-7", List.of(message(1)))))
                .isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(log.lastPosition()).isEqualTo(before);

        sendExpecting(1, new RecordSteps("t-7", List.of(message(1))));
        assertThat(log.head(StreamId.of(StreamId.Kind.TRAJECTORY, "t-7")).orElseThrow().revision()).isEqualTo(2);
    }

    private void sendExpecting(long revision, Object command) {
        axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                LedgerMetaData.PRINCIPAL, "capture-agent", LedgerMetaData.EXPECTED_REVISION, revision)));
    }
}
