package dev.runtape.ledger.storage.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtape.ledger.log.AppendBatch;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.EventLogContract;
import dev.runtape.ledger.log.EventLogException;
import dev.runtape.ledger.log.ExpectedRevision;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.ledger.log.NewEvent;
import dev.runtape.ledger.log.StatementBytes;
import dev.runtape.ledger.log.StreamAppend;
import dev.runtape.ledger.log.StreamHead;
import dev.runtape.ledger.log.StreamId;
import dev.runtape.ledger.log.EventIdConflictException;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole event-log contract on {@link KurrentStandIn}, a stand-in, not KurrentDB: it shows the adapter keeps the
 * port's guarantees on the protocol as the stand-in serves it. A failing insert is the stand-in refusing an append
 * (gRPC INTERNAL), and a writer holding the store is the stand-in keeping every append waiting.
 */
class KurrentStandInEventLogTest extends EventLogContract {

    private KurrentStandIn standIn;
    private KurrentLogSettings settings;

    @Override
    protected EventLog createLog() throws Exception {
        standIn = KurrentStandIn.start();
        settings = KurrentLogSettings.of(standIn.connectionString()).withNamespace("contract");
        return KurrentEventLog.open(settings);
    }

    /** Another client on the same server: what another node would have. */
    @Override
    protected EventLog openAnother() {
        return KurrentEventLog.open(settings);
    }

    @Override
    protected void failInsertsOf(String eventId) {
        standIn.failAppendsContaining("\"" + eventId + "\"");
    }

    @Override
    protected AutoCloseable holdWrites() {
        return standIn.holdAppends();
    }

    @Override
    protected Class<? extends Throwable> storeFailureType() {
        return StatusRuntimeException.class;
    }

    @AfterEach
    void stopStandIn() throws InterruptedException {
        log.close();
        standIn.close();
    }

    @Test
    void eachRuntapeStreamIsCopiedIntoAKurrentStreamAtTheSameRevisions() throws Exception {
        log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"), event("a1")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0"))));
        LogEntry a2 = log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.of(1), event("a2"))))
                .entries().getFirst();

        List<RecordedEvent> copy = readRaw("contract:task/a");

        assertThat(copy).extracting(RecordedEvent::getRevision).containsExactly(0L, 1L, 2L);
        assertThat(copy.getLast().getEventData()).isEqualTo(a2.statement().bytes());
        assertThat(copy.getLast().getEventType()).isEqualTo(a2.eventType());
        assertThat(new String(copy.getLast().getUserMetadata(), StandardCharsets.UTF_8))
                .isEqualTo("{\"eventId\":\"a2\",\"tenant\":\"tenant-1\",\"position\":4}");
        assertThat(readRaw("contract:task/b")).extracting(RecordedEvent::getRevision).containsExactly(0L);
        assertThat(readRaw("contract-batches")).extracting(RecordedEvent::getEventType)
                .containsExactly("runtape.batch", "runtape.batch");
    }

    @Test
    void everyEntryMapsToTheAllPositionOfItsBatchsEventAsAllReadsIt() throws Exception {
        log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"), event("a1")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0"))));
        log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.of(1), event("a2"))));
        List<Position> batchesInAll;
        KurrentDBClient raw = rawClient();
        try {
            batchesInAll = raw.readAll(ReadAllOptions.get().forwards().fromStart().maxCount(1000))
                    .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getEvent)
                    .filter(event -> event.getStreamId().equals("contract-batches"))
                    .map(RecordedEvent::getPosition).toList();
        } finally {
            raw.shutdown().get(10, TimeUnit.SECONDS);
        }
        KurrentEventLog kurrent = (KurrentEventLog) log;

        assertThat(batchesInAll).hasSize(2);
        assertThat(LongStream.rangeClosed(1, 4).mapToObj(p -> kurrent.allPositionOf(p).orElseThrow()))
                .containsExactly(batchesInAll.get(0), batchesInAll.get(0), batchesInAll.get(0), batchesInAll.get(1));
        assertThat(kurrent.allPositionOf(5)).isEmpty();
        assertThat(kurrent.allPositionOf(0)).isEmpty();
    }

    @Test
    void aCopyThatLagsIsCompletedByTheNextAppendToItsStreamFromAnyNode() throws Exception {
        EventLog other = KurrentEventLog.open(settings);
        try {
            log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"))));
            // a node that stopped between commit and copy: the batch is committed, its copy never written
            // (statements travel base64 in the batch, so only the copy carries them as they are)
            standIn.failAppendsContaining("statement of a1");
            log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.of(0), event("a1"))));
            standIn.stopFailing();
            assertThat(readRaw("contract:task/a")).hasSize(1);

            other.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.of(1), event("a2"))));

            assertThat(readRaw("contract:task/a")).extracting(RecordedEvent::getRevision).containsExactly(0L, 1L, 2L);
            assertThat(log.readStream(stream("a"), 0, 10)).extracting(LogEntry::eventId)
                    .containsExactly("a0", "a1", "a2");
        } finally {
            other.close();
        }
    }

    @Test
    void twoNodesWritingTheSameStreamWhileTheyReadTakeTurnsWithGaplessPositions() throws Exception {
        EventLog other = KurrentEventLog.open(settings);
        try {
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                EventLog node = writer % 2 == 0 ? log : other;
                String prefix = "n" + writer;
                writers.add(CompletableFuture.supplyAsync(() -> appendAtHead(node, prefix, 40)));
            }
            // a reader of the first node that keeps reading on while it judges and commits
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader = Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    log.lastPosition();
                }
            });
            int total = 0;
            try {
                for (CompletableFuture<Integer> writer : writers) {
                    total += writer.get(2, TimeUnit.MINUTES);
                }
            } finally {
                writing.set(false);
                reader.join();
            }

            assertThat(total).isEqualTo(160);
            assertThat(other.readAfter(EventLog.BEFORE_FIRST, 1000)).extracting(LogEntry::position)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 160).boxed().toList());
            assertThat(log.readAfter(EventLog.BEFORE_FIRST, 1000)).isEqualTo(other.readAfter(0, 1000));
            assertThat(log.readStream(stream("shared"), 0, 1000)).extracting(LogEntry::revision)
                    .containsExactlyElementsOf(LongStream.range(0, 160).boxed().toList());
        } finally {
            other.close();
        }
    }

    @Test
    void aRepeatedEventIdWithAnotherStatementIsAConflictNotARetry() {
        log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"))));
        NewEvent changed = new NewEvent("a0", "task.noted", "tenant-1", StatementBytes.of(new byte[] {9, 9}));

        assertThatThrownBy(() -> log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, changed))))
                .isInstanceOfSatisfying(EventIdConflictException.class,
                        conflict -> assertThat(conflict.eventId()).isEqualTo("a0"))
                .hasMessageContaining("another statement");
        assertThat(log.lastPosition()).isEqualTo(1);
    }

    @Test
    void anEventInTheCommitStreamThatIsNoBatchStopsTheLogWithWhereAndWhat() throws Exception {
        KurrentDBClient raw = rawClient();
        try {
            raw.appendToStream("contract-batches", AppendToStreamOptions.get().streamState(StreamState.noStream()),
                    EventData.builderAsJson("something.else", "{}".getBytes(StandardCharsets.UTF_8)).build())
                    .get(10, TimeUnit.SECONDS);
        } finally {
            raw.shutdown().get(10, TimeUnit.SECONDS);
        }

        assertThatThrownBy(() -> log.lastPosition()).isInstanceOf(EventLogException.class)
                .hasMessage("KurrentDB commit stream contract-batches: revision 0: expected an event of type "
                        + "runtape.batch, found something.else");
    }

    @Test
    void anUnreachableServerIsReportedWhenTheLogOpens() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        KurrentLogSettings nowhere = new KurrentLogSettings("kurrentdb://127.0.0.1:" + port + "?tls=false",
                "contract", java.time.Duration.ofSeconds(20));

        assertThatThrownBy(() -> KurrentEventLog.open(nowhere)).isInstanceOf(EventLogException.class)
                .hasMessageStartingWith("KurrentDB kurrentdb://127.0.0.1:" + port + "?tls=false: could not read");
    }

    private static int appendAtHead(EventLog node, String prefix, int count) {
        int appended = 0;
        for (int attempt = 0; appended < count; attempt++) {
            assertThat(attempt).isLessThan(100_000);
            ExpectedRevision expected = node.head(stream("shared")).map(StreamHead::expected)
                    .orElse(ExpectedRevision.NO_STREAM);
            try {
                node.append(AppendBatch.of(StreamAppend.of(stream("shared"), expected,
                        event(prefix + "-" + appended))));
                appended++;
            } catch (dev.runtape.ledger.log.RevisionConflictException lost) {
                Thread.onSpinWait();
            }
        }
        return appended;
    }

    private List<RecordedEvent> readRaw(String kurrentStream) throws Exception {
        KurrentDBClient raw = rawClient();
        try {
            return raw.readStream(kurrentStream, ReadStreamOptions.get().forwards().fromStart().maxCount(1000))
                    .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getEvent).toList();
        } finally {
            raw.shutdown().get(10, TimeUnit.SECONDS);
        }
    }

    private KurrentDBClient rawClient() {
        return KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(standIn.connectionString()));
    }

    private static StreamId stream(String id) {
        return StreamId.of(StreamId.Kind.TASK, id);
    }

    private static NewEvent event(String eventId) {
        return new NewEvent(eventId, "task.noted", "tenant-1",
                StatementBytes.of(("statement of " + eventId).getBytes(StandardCharsets.UTF_8)));
    }
}
