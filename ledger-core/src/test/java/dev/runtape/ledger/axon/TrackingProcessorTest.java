package dev.runtape.ledger.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.domain.common.Actor;
import dev.runtape.ledger.domain.operator.EnrolOperator;
import dev.runtape.ledger.domain.task.DefineTask;
import dev.runtape.ledger.domain.trajectory.StartTrajectory;
import dev.runtape.ledger.keys.LedgerKeyRing;
import dev.runtape.ledger.keys.ProducerKeyRegistry;
import dev.runtape.ledger.statement.ContentRef;
import dev.runtape.ledger.statement.StatementChecker;
import dev.runtape.ledger.storage.sqlite.SqliteDatabase;
import dev.runtape.ledger.storage.sqlite.SqliteEventLog;
import dev.runtape.verifier.Digest;
import dev.runtape.verifier.keys.Ed25519SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Axon tracking processor reads the log's global order through the ledger's engine, as projections will. */
class TrackingProcessorTest {

    @TempDir
    Path directory;

    /** Records what a tracking processor hands it, in the order it does. */
    static final class Recorder {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(Object event, TrackingToken token, @MetaDataValue(LedgerMetaData.PRINCIPAL) String principal) {
            seen.add(token.position().orElseThrow() + " " + event.getClass().getSimpleName() + " " + principal);
        }
    }

    @Test
    void aTrackingProcessorSeesEveryEventOnceInLogOrderWithItsPosition() throws Exception {
        Recorder recorder = new Recorder();
        try (SqliteDatabase database = SqliteDatabase.open(directory.resolve("ledger.db"));
                SqliteEventLog log = SqliteEventLog.open(database)) {
            SigningMint mint = new SigningMint(LedgerKeyRing.create(Ed25519SigningKey.generate(new SecureRandom()),
                    Instant.parse("2026-01-01T00:00:00Z")), new StatementChecker(ProducerKeyRegistry.empty()),
                    Clock.systemUTC());
            LedgerEventStorageEngine engine = new LedgerEventStorageEngine(log, mint, new CodecReader(),
                    EngineSettings.DEFAULTS);
            Configuration axon = LedgerConfiguration.configurer(engine, log)
                    .eventProcessing(processing -> processing.registerTrackingEventProcessor("recorder")
                            .registerEventHandler(configuration -> recorder))
                    .buildConfiguration();
            axon.start();
            try {
                axon.commandGateway().sendAndWait(new DefineTask("task-1",
                        new ContentRef(Digest.sha256(new byte[] {1}), null, null), "swe-bench", List.of(), null,
                        null));
                axon.commandGateway().sendAndWait(new EnrolOperator("op-1", "cohort-a"));
                axon.commandGateway().sendAndWait(new StartTrajectory("t-1", "task-1", new Actor.Operator("op-1"),
                        null, null, null, null, null, null, null));
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (recorder.seen.size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                axon.shutdown();
            }
            assertThat(recorder.seen).containsExactly("1 TaskDefined runtape-ledger", "2 OperatorEnrolled runtape-ledger",
                    "3 TrajectoryStarted runtape-ledger");
            assertThat(engine.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(3));
            assertThat(engine.createTailToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
            assertThat(engine.createTokenAt(Instant.now().plusSeconds(60)))
                    .isEqualTo(new GlobalSequenceTrackingToken(3));
            assertThat(engine.createTokenAt(Instant.EPOCH)).isEqualTo(new GlobalSequenceTrackingToken(0));
            assertThat(engine.readEvents(new GlobalSequenceTrackingToken(1), false).map(message ->
                    message.getPayload().getClass().getSimpleName()).toList())
                    .containsExactly("OperatorEnrolled", "TrajectoryStarted");
        }
    }
}
