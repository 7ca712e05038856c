package dev.runtape.projections.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtape.ledger.axon.LedgerMetaData;
import dev.runtape.ledger.axon.StoredEvent;
import dev.runtape.ledger.domain.trajectory.StepsRecorded;
import dev.runtape.ledger.importer.ImportFormats;
import dev.runtape.ledger.importer.ImportedTrajectory;
import dev.runtape.ledger.importer.LedgerImporter;
import dev.runtape.ledger.importer.SourceFile;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.node.LedgerNode;
import dev.runtape.ledger.node.NodeSettings;
import dev.runtape.testing.SharedFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A projection on Axon's tracking processor over a real node's log: batches, failures, token resets and restarts. */
class TrackedProjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;
    private LedgerNode node;

    @BeforeEach
    void importASample() throws Exception {
        node = LedgerNode.start(NodeSettings.embedded(directory.resolve("data")));
        ImportedTrajectory run = ImportFormats.detector().read(SourceFile.read(SharedFiles.sample(
                "mini-swe-agent/github_issue.traj.json")), null);
        new LedgerImporter(node, "importer", 2).write(run);
    }

    @AfterEach
    void close() throws Exception {
        node.close();
    }

    /** Keeps the positions it was given, failing the first batch that holds {@code failAt} once. */
    private static final class Recording implements BatchProjection {

        final List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        volatile long position;
        volatile long failAt = -1;
        volatile int clears;

        @Override
        public long position() {
            return position;
        }

        @Override
        public void apply(List<LogEntry> entries) {
            if (entries.stream().anyMatch(entry -> entry.position() == failAt)) {
                failAt = -1;
                throw new IllegalStateException("a failing batch, offered again");
            }
            entries.forEach(entry -> taken.add(entry.position()));
            batches.add(entries.size());
            position = entries.getLast().position();
        }

        @Override
        public void clear() {
            taken.clear();
            position = EventLog.BEFORE_FIRST;
            clears++;
        }
    }

    private List<Long> allPositions() {
        return LongStream.rangeClosed(1, node.log().lastPosition()).boxed().collect(Collectors.toList());
    }

    @Test
    void everyEntryIsTakenInOnceInLogOrderInBatchesOfAtMostTheBatchSize() throws Exception {
        Recording recording = new Recording();
        try (TrackedProjection projection = new TrackedProjection("test", node.log(), node.axon().eventStore(),
                recording, 4)) {
            assertThat(projection.catchUp(WAIT)).isTrue();
            assertThat(recording.taken).isEqualTo(allPositions());
            assertThat(recording.batches).allSatisfy(size -> assertThat(size).isBetween(1, 4));
            assertThat(projection.progress().lag()).isZero();
            assertThat(projection.healthy()).isTrue();
        }
    }

    @Test
    void aBatchThatFailsIsOfferedAgainAndNothingIsSkipped() throws Exception {
        Recording recording = new Recording();
        recording.failAt = 3;
        try (TrackedProjection projection = new TrackedProjection("test", node.log(), node.axon().eventStore(),
                recording, 2)) {
            assertThat(projection.catchUp(WAIT)).isTrue();
            assertThat(recording.failAt).as("the failure happened").isEqualTo(-1);
            assertThat(recording.taken).isEqualTo(allPositions());
        }
    }

    @Test
    void aTokenResetClearsTheProjectionAndReplaysFromZeroWhileRunning() throws Exception {
        Recording recording = new Recording();
        try (TrackedProjection projection = new TrackedProjection("test", node.log(), node.axon().eventStore(),
                recording, 1000)) {
            assertThat(projection.catchUp(WAIT)).isTrue();
            projection.reset();
            assertThat(projection.catchUp(WAIT)).isTrue();
            assertThat(recording.clears).isEqualTo(1);
            assertThat(recording.taken).isEqualTo(allPositions());
            assertThat(projection.progress().replays()).isEqualTo(1);
            assertThat(projection.healthy()).as("running again after the reset").isTrue();
        }
    }

    @Test
    void aProcessorStartsFromThePositionTheProjectionKept() throws Exception {
        Recording recording = new Recording();
        recording.position = node.log().lastPosition() - 2;
        try (TrackedProjection projection = new TrackedProjection("test", node.log(), node.axon().eventStore(),
                recording, 1000)) {
            assertThat(projection.catchUp(WAIT)).isTrue();
            assertThat(recording.taken).containsExactly(node.log().lastPosition() - 1, node.log().lastPosition());
        }
    }

    @Test
    void theLedgersTrackedEventsCarryTheirEntryAndReadTheirStatementWhenAsked() {
        try (var stream = node.axon().eventStore().openStream(new GlobalSequenceTrackingToken(0))) {
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            while (stream.hasNextAvailable() && events.size() < node.log().lastPosition()) {
                events.add(stream.nextAvailable());
            }
            assertThat(events).hasSize((int) node.log().lastPosition());
            for (TrackedEventMessage<?> event : events) {
                LogEntry entry = StoredEvent.entryOf(event).orElseThrow();
                assertThat(event.trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(entry.position()));
                assertThat(event.getIdentifier()).isEqualTo(entry.eventId());
                assertThat(event.getMetaData()).containsEntry(LedgerMetaData.PRINCIPAL, "importer")
                        .containsEntry(LedgerMetaData.TENANT, entry.tenant());
            }
            assertThat(events).anySatisfy(event -> assertThat(event.getPayload()).isInstanceOf(StepsRecorded.class));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
