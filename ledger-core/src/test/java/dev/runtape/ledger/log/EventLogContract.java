package dev.runtape.ledger.log;

import static dev.runtape.ledger.log.EventLogFixtures.event;
import static dev.runtape.ledger.log.EventLogFixtures.positions;
import static dev.runtape.ledger.log.EventLogFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of {@link EventLog}, checked against a real store. Each adapter's test extends this class and says
 * how to open a log on a fresh store.
 */
public abstract class EventLogContract {

    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 200;

    protected EventLog log;

    private final List<EventLog> opened = new ArrayList<>();

    /** A log on a new, empty store. */
    protected abstract EventLog createLog() throws Exception;

    /** Another log on the store of the last {@link #createLog()}, as another process or node would open it. */
    protected abstract EventLog openAnother() throws Exception;

    /**
     * Makes the store itself fail every insert of {@code eventId} (a trigger, say), to check that a failure in the
     * middle of a batch leaves nothing behind.
     */
    protected abstract void failInsertsOf(String eventId) throws Exception;

    /**
     * Keeps every append of the store from committing until the returned hold is closed, as a long transaction of
     * another writer would: appends made meanwhile queue up behind it.
     */
    protected abstract AutoCloseable holdWrites() throws Exception;

    /** What the store throws when it fails, as the cause of the log's {@link EventLogException}. */
    protected Class<? extends Throwable> storeFailureType() {
        return java.sql.SQLException.class;
    }

    @BeforeEach
    final void openLog() throws Exception {
        log = track(createLog());
    }

    @AfterEach
    final void closeLogs() {
        opened.forEach(EventLog::close);
    }

    private EventLog track(EventLog opened) {
        this.opened.add(opened);
        return opened;
    }

    @Test
    void anEmptyLogHasNoEntries() {
        assertThat(log.lastPosition()).isEqualTo(EventLog.BEFORE_FIRST);
        assertThat(log.readAfter(EventLog.BEFORE_FIRST, 10)).isEmpty();
        assertThat(log.head(stream("a"))).isEmpty();
    }

    @Test
    void theFirstStatementOfAStreamHasRevisionZeroAndTheFirstEntryPositionOne() {
        NewEvent event = event("e1");

        AppendResult result = log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event)));

        assertThat(result.retried()).isFalse();
        assertThat(result.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(1);
            assertThat(entry.stream()).isEqualTo(stream("a"));
            assertThat(entry.revision()).isZero();
            assertThat(entry.eventId()).isEqualTo("e1");
            assertThat(entry.eventType()).isEqualTo(event.eventType());
            assertThat(entry.tenant()).isEqualTo(event.tenant());
            assertThat(entry.statement()).isEqualTo(event.statement());
        });
        assertThat(log.lastPosition()).isEqualTo(1);
    }

    @Test
    void aBatchOverTwoStreamsTakesConsecutivePositionsInBatchOrder() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        AppendResult result = log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.of(0), event("a1"), event("a2")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0"))));

        assertThat(result.entries()).extracting(LogEntry::eventId).containsExactly("a1", "a2", "b0");
        assertThat(result.entries()).extracting(LogEntry::position).containsExactly(2L, 3L, 4L);
        assertThat(result.entries()).extracting(LogEntry::revision).containsExactly(1L, 2L, 0L);
        assertThat(result.lastPosition()).isEqualTo(4);
        assertThat(log.readAfter(EventLog.BEFORE_FIRST, 10)).containsExactlyElementsOf(
                concat(log.readStream(stream("a"), 0, 1), result.entries()));
    }

    @Test
    void aBatchWhoseSecondStreamConflictsStoresNothingAndLeavesNoGap() {
        append(stream("b"), ExpectedRevision.NO_STREAM, "b0");

        assertThatThrownBy(() -> log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b1")))))
                .isInstanceOfSatisfying(RevisionConflictException.class, conflict -> {
                    assertThat(conflict.stream()).isEqualTo(stream("b"));
                    assertThat(conflict.actual()).isEqualTo(ExpectedRevision.of(0));
                });

        assertThat(log.head(stream("a"))).isEmpty();
        assertThat(log.findByEventId("a0")).isEmpty();
        assertThat(log.lastPosition()).isEqualTo(1);
        LogEntry next = append(stream("a"), ExpectedRevision.NO_STREAM, "a0-again");
        assertThat(next.position()).isEqualTo(2);
    }

    @Test
    void anAppendAtAStaleRevisionIsRefusedWithTheActualRevision() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");
        append(stream("a"), ExpectedRevision.of(0), "a1");

        assertThatThrownBy(() -> append(stream("a"), ExpectedRevision.of(0), "a1-late"))
                .isInstanceOfSatisfying(RevisionConflictException.class, conflict -> {
                    assertThat(conflict.stream()).isEqualTo(stream("a"));
                    assertThat(conflict.expected()).isEqualTo(ExpectedRevision.of(0));
                    assertThat(conflict.actual()).isEqualTo(ExpectedRevision.of(1));
                    assertThat(conflict).hasMessage("stream task/a: expected revision 0, but it is at revision 1");
                });
        assertThat(log.findByEventId("a1-late")).isEmpty();
    }

    @Test
    void anAppendExpectingNoStreamIsRefusedWhenTheStreamExists() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        assertThatThrownBy(() -> append(stream("a"), ExpectedRevision.NO_STREAM, "other-a0"))
                .isInstanceOfSatisfying(RevisionConflictException.class,
                        conflict -> assertThat(conflict.actual()).isEqualTo(ExpectedRevision.of(0)));
    }

    @Test
    void anAppendExpectingARevisionIsRefusedWhenTheStreamDoesNotExist() {
        assertThatThrownBy(() -> append(stream("a"), ExpectedRevision.of(3), "a4"))
                .isInstanceOfSatisfying(RevisionConflictException.class,
                        conflict -> assertThat(conflict.actual()).isEqualTo(ExpectedRevision.NO_STREAM));
        assertThat(log.lastPosition()).isZero();
    }

    @Test
    void appendsToDifferentStreamsDoNotConflict() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");
        append(stream("b"), ExpectedRevision.NO_STREAM, "b0");
        append(stream("a"), ExpectedRevision.of(0), "a1");

        assertThat(log.head(stream("a")).orElseThrow().revision()).isEqualTo(1);
        assertThat(log.head(stream("b")).orElseThrow().revision()).isZero();
    }

    @Test
    void aRetryReturnsTheOriginalEntriesAndWritesNothing() {
        AppendBatch batch = AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"), event("a1")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0")));
        AppendResult first = log.append(batch);

        AppendResult retry = log.append(batch);

        assertThat(retry.retried()).isTrue();
        assertThat(retry.entries()).isEqualTo(first.entries());
        assertThat(log.lastPosition()).isEqualTo(3);
    }

    @Test
    void aRetryIsRecognisedAfterItsStreamsMovedOn() {
        AppendBatch batch = AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0")));
        AppendResult first = log.append(batch);
        append(stream("a"), ExpectedRevision.of(0), "a1");

        AppendResult retry = log.append(batch);

        assertThat(retry.retried()).isTrue();
        assertThat(retry.entries()).isEqualTo(first.entries());
        assertThat(log.lastPosition()).isEqualTo(2);
    }

    @Test
    void aRetryReturnsTheEntriesInTheOrderOfTheRetriedBatch() {
        log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0"))));

        AppendResult retry = log.append(AppendBatch.of(
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0")),
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"))));

        assertThat(retry.retried()).isTrue();
        assertThat(retry.entries()).extracting(LogEntry::eventId).containsExactly("b0", "a0");
    }

    @Test
    void aBatchWithSomeStoredAndSomeNewEventIdsIsRefused() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        assertThatThrownBy(() -> log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"), event("a1")))))
                .isInstanceOfSatisfying(EventIdConflictException.class,
                        conflict -> assertThat(conflict.eventId()).isEqualTo("a0"))
                .hasMessageContaining("\"a1\"");
        assertThat(log.findByEventId("a1")).isEmpty();
        assertThat(log.lastPosition()).isEqualTo(1);
    }

    @Test
    void anEventIdStoredInAnotherStreamIsRefused() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "shared-id");

        assertThatThrownBy(() -> append(stream("b"), ExpectedRevision.NO_STREAM, "shared-id"))
                .isInstanceOfSatisfying(EventIdConflictException.class,
                        conflict -> assertThat(conflict.eventId()).isEqualTo("shared-id"))
                .hasMessageContaining("task/a")
                .hasMessageContaining("task/b");
        assertThat(log.head(stream("b"))).isEmpty();
    }

    @Test
    void eventIdsAreCheckedBeforeRevisions() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");
        append(stream("a"), ExpectedRevision.of(0), "a1");

        // Stale revision and a reused id: the id is the real problem, and naming it tells the caller what to fix.
        assertThatThrownBy(() -> log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.of(0), event("a1"), event("a2")))))
                .isInstanceOf(EventIdConflictException.class);
    }

    @Test
    void theHeadNamesTheLastRevisionAndTheDigestOfItsStatement() {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");
        LogEntry last = append(stream("a"), ExpectedRevision.of(0), "a1");

        StreamHead head = log.head(stream("a")).orElseThrow();

        assertThat(head.stream()).isEqualTo(stream("a"));
        assertThat(head.revision()).isEqualTo(1);
        assertThat(head.digest()).isEqualTo(last.statement().digest());
        assertThat(head.expected()).isEqualTo(ExpectedRevision.of(1));
    }

    @Test
    void statementBytesComeBackExactlyAsAppended() {
        byte[] awkward = {0, (byte) 0xff, 0, 0x27, 0x5c, 0, (byte) 0x80};
        NewEvent event = new NewEvent("odd", "t", "tenant-1", StatementBytes.of(awkward));
        log.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event)));

        assertThat(log.findByEventId("odd").orElseThrow().statement().bytes()).isEqualTo(awkward);
        assertThat(log.readStream(stream("a"), 0, 1).getFirst().statement().bytes()).isEqualTo(awkward);
    }

    @Test
    void readStreamReadsFromARevisionUpToALimitInRevisionOrder() {
        append(stream("b"), ExpectedRevision.NO_STREAM, "b0");
        for (int revision = 0; revision < 5; revision++) {
            append(stream("a"), ExpectedRevision.of(revision - 1), "a" + revision);
        }

        assertThat(log.readStream(stream("a"), 1, 3)).extracting(LogEntry::eventId).containsExactly("a1", "a2", "a3");
        assertThat(log.readStream(stream("a"), 3, 10)).extracting(LogEntry::revision).containsExactly(3L, 4L);
        assertThat(log.readStream(stream("a"), 5, 10)).isEmpty();
        assertThat(log.readStream(stream("a"), 0, 0)).isEmpty();
        assertThat(log.readStream(stream("c"), 0, 10)).isEmpty();
    }

    @Test
    void readAfterPagesThroughTheWholeLogInPositionOrder() {
        List<LogEntry> appended = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            StreamId stream = stream("s" + i % 3);
            appended.add(append(stream, ExpectedRevision.of(i / 3 - 1), "e" + i));
        }

        List<LogEntry> read = new ArrayList<>();
        long after = EventLog.BEFORE_FIRST;
        for (List<LogEntry> page = log.readAfter(after, 7); !page.isEmpty(); page = log.readAfter(after, 7)) {
            assertThat(page.size()).isLessThanOrEqualTo(7);
            read.addAll(page);
            after = page.getLast().position();
        }

        assertThat(read).isEqualTo(appended);
        assertThat(read).extracting(LogEntry::position).containsExactlyElementsOf(positions(1, 25));
    }

    @Test
    void findByEventIdFindsTheStoredEntryAndNothingForAnUnknownId() {
        LogEntry stored = append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        assertThat(log.findByEventId("a0")).contains(stored);
        assertThat(log.findByEventId("unknown")).isEmpty();
    }

    @Test
    void recordedAtIsTheCommitTimeToTheMillisecond() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LogEntry entry = append(stream("a"), ExpectedRevision.NO_STREAM, "a0");
        Instant after = Instant.now();

        assertThat(entry.recordedAt()).isBetween(before, after);
        assertThat(log.findByEventId("a0").orElseThrow().recordedAt()).isEqualTo(entry.recordedAt());
    }

    @Test
    void entriesAreStillThereAfterTheStoreIsReopened() throws Exception {
        AppendResult appended = log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"), event("a1")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0"))));
        log.close();

        EventLog reopened = track(openAnother());

        assertThat(reopened.readAfter(EventLog.BEFORE_FIRST, 10)).isEqualTo(appended.entries());
        assertThat(reopened.lastPosition()).isEqualTo(3);
        assertThat(reopened.head(stream("a")).orElseThrow().revision()).isEqualTo(1);
        LogEntry next = reopened.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.of(1), event("a2")))).entries().getFirst();
        assertThat(next.position()).isEqualTo(4);
    }

    @Test
    void aStoreFailureInTheMiddleOfABatchStoresNothingAndLeavesNoGap() throws Exception {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");
        failInsertsOf("poison");

        assertThatThrownBy(() -> log.append(AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.of(0), event("a1"), event("poison")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0")))))
                .isExactlyInstanceOf(EventLogException.class)
                .hasCauseInstanceOf(storeFailureType());

        assertThat(log.lastPosition()).isEqualTo(1);
        assertThat(log.findByEventId("a1")).isEmpty();
        assertThat(log.head(stream("b"))).isEmpty();
        assertThat(append(stream("b"), ExpectedRevision.NO_STREAM, "b0").position()).isEqualTo(2);
    }

    @Test
    void negativeRevisionsLimitsPositionsAndTimeoutsAreRefusedAsBadArguments() {
        assertThatThrownBy(() -> log.readStream(stream("a"), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readStream(stream("a"), 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readAfter(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readAfter(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.awaitAfter(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.awaitAfter(0, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedLogRefusesWork() {
        log.close();

        assertThatThrownBy(() -> append(stream("a"), ExpectedRevision.NO_STREAM, "a0"))
                .isInstanceOf(EventLogException.class);
        assertThatThrownBy(() -> log.lastPosition()).isInstanceOf(EventLogException.class);
    }

    @Test
    void awaitAfterReturnsAtOnceWhenThereIsAnEntryAfterThePosition() throws InterruptedException {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        assertThat(log.awaitAfter(0, Duration.ZERO)).isTrue();
        assertThat(log.awaitAfter(0, Duration.ofDays(365 * 1000))).isTrue();
    }

    @Test
    void awaitAfterReturnsFalseWhenNothingIsAppendedBeforeTheTimeout() throws InterruptedException {
        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        assertThat(log.awaitAfter(1, Duration.ZERO)).isFalse();
        assertThat(log.awaitAfter(1, Duration.ofMillis(150))).isFalse();
    }

    @Test
    void awaitAfterWakesWhenAnotherThreadAppends() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> awaitQuietly(log, 0));
        Thread.sleep(50);

        append(stream("a"), ExpectedRevision.NO_STREAM, "a0");

        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void awaitAfterSeesAppendsMadeThroughAnotherLogOnTheSameStore() throws Exception {
        EventLog other = track(openAnother());
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> awaitQuietly(log, 0));
        Thread.sleep(50);

        other.append(AppendBatch.of(StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"))));

        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @RepeatedTest(3)
    void threadsAppendingToOneStreamAtItsHeadLeaveItContiguousWithEveryAcknowledgedAppendOnce() throws Exception {
        StreamId stream = stream("contended");

        List<List<LogEntry>> acknowledged = ConcurrentCallers.run(THREADS, thread -> {
            List<LogEntry> mine = new ArrayList<>();
            for (int attempt = 0; attempt < APPENDS_PER_THREAD; attempt++) {
                ExpectedRevision expected = log.head(stream).map(StreamHead::expected)
                        .orElse(ExpectedRevision.NO_STREAM);
                try {
                    mine.add(log.append(AppendBatch.of(StreamAppend.of(stream, expected,
                            event("t" + thread + "-" + attempt)))).entries().getFirst());
                } catch (RevisionConflictException lost) {
                    // Another thread appended at the same revision first: the one refusal expected here.
                }
            }
            return mine;
        });

        List<LogEntry> all = acknowledged.stream().flatMap(List::stream).toList();
        List<LogEntry> stored = log.readStream(stream, 0, Integer.MAX_VALUE);
        assertThat(all).isNotEmpty();
        assertThat(stored).extracting(LogEntry::revision).containsExactlyElementsOf(positions(0, all.size() - 1));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
        assertThat(log.readAfter(EventLog.BEFORE_FIRST, Integer.MAX_VALUE)).isEqualTo(stored);
    }

    @RepeatedTest(3)
    void threadsAppendingToManyStreamsLeaveGaplessPositionsAndContiguousStreams() throws Exception {
        List<Integer> eventCounts = ConcurrentCallers.run(THREADS, thread -> {
            int events = 0;
            for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                List<StreamId> streams = i % 3 == 0
                        ? List.of(stream("s" + (thread + i) % 6), stream("s" + (thread + i + 1) % 6))
                        : List.of(stream("s" + (thread + i) % 6));
                events += appendAtHeads(streams, "t" + thread + "-" + i);
            }
            return events;
        });

        int total = eventCounts.stream().mapToInt(Integer::intValue).sum();
        List<LogEntry> all = log.readAfter(EventLog.BEFORE_FIRST, Integer.MAX_VALUE);
        assertThat(all).extracting(LogEntry::position).containsExactlyElementsOf(positions(1, total));
        assertThat(log.lastPosition()).isEqualTo(total);
        Map<StreamId, List<LogEntry>> byStream = new HashMap<>();
        all.forEach(entry -> byStream.computeIfAbsent(entry.stream(), s -> new ArrayList<>()).add(entry));
        byStream.values().forEach(entries -> assertThat(entries).extracting(LogEntry::revision)
                .containsExactlyElementsOf(positions(0, entries.size() - 1)));
    }

    @RepeatedTest(3)
    void concurrentRetriesOfOneBatchStoreItOnce() throws Exception {
        AppendBatch batch = AppendBatch.of(
                StreamAppend.of(stream("a"), ExpectedRevision.NO_STREAM, event("a0"), event("a1")),
                StreamAppend.of(stream("b"), ExpectedRevision.NO_STREAM, event("b0")));

        List<AppendResult> results = ConcurrentCallers.run(THREADS, thread -> log.append(batch));

        assertThat(results).filteredOn(result -> !result.retried()).hasSize(1);
        assertThat(results).extracting(AppendResult::entries).containsOnly(results.getFirst().entries());
        assertThat(log.readAfter(EventLog.BEFORE_FIRST, 10)).isEqualTo(results.getFirst().entries());
    }

    @RepeatedTest(3)
    void manyThreadsAppendingAtOnceEachGetTheirOwnEntriesWithGaplessPositionsInCommitOrder() throws Exception {
        int threads = 16;
        List<List<AppendResult>> results = ConcurrentCallers.run(threads, thread -> {
            StreamId stream = stream("writer-" + thread);
            List<AppendResult> mine = new ArrayList<>();
            long revision = -1;
            for (int i = 0; i < 60; i++) {
                List<NewEvent> events = new ArrayList<>();
                for (int e = 0; e <= (thread + i) % 4; e++) {
                    events.add(event("w" + thread + "-" + i + "-" + e));
                }
                AppendResult result = log.append(AppendBatch.of(
                        new StreamAppend(stream, ExpectedRevision.of(revision), events)));
                mine.add(result);
                revision += events.size();
            }
            return mine;
        });

        List<LogEntry> acknowledged = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            long revision = 0;
            for (int i = 0; i < 60; i++) {
                AppendResult result = results.get(thread).get(i);
                assertThat(result.retried()).isFalse();
                assertThat(result.entries()).hasSize((thread + i) % 4 + 1);
                long first = result.entries().getFirst().position();
                for (int e = 0; e < result.entries().size(); e++) {
                    LogEntry entry = result.entries().get(e);
                    assertThat(entry.eventId()).isEqualTo("w" + thread + "-" + i + "-" + e);
                    assertThat(entry.stream()).isEqualTo(stream("writer-" + thread));
                    assertThat(entry.revision()).isEqualTo(revision++);
                    assertThat(entry.position()).as("a batch takes consecutive positions").isEqualTo(first + e);
                }
                acknowledged.addAll(result.entries());
            }
        }
        List<LogEntry> stored = log.readAfter(EventLog.BEFORE_FIRST, Integer.MAX_VALUE);
        assertThat(stored).extracting(LogEntry::position).containsExactlyElementsOf(positions(1, acknowledged.size()));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(log.lastPosition()).isEqualTo(acknowledged.size());
    }

    @RepeatedTest(3)
    void appendsQueuedBehindAnotherWriterAreStoredTogetherAndOnlyTheRefusedOnesFail() throws Exception {
        append(stream("taken"), ExpectedRevision.NO_STREAM, "taken-0");
        AppendBatch earlier = AppendBatch.of(StreamAppend.of(stream("earlier"), ExpectedRevision.NO_STREAM,
                event("earlier-0"), event("earlier-1")));
        AppendResult original = log.append(earlier);
        failInsertsOf("poison");
        int threads = 10;
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        try (AutoCloseable hold = holdWrites()) {
            for (int thread = 0; thread < threads; thread++) {
                AppendBatch batch = switch (thread) {
                    case 3 -> AppendBatch.of(StreamAppend.of(stream("taken"), ExpectedRevision.NO_STREAM,
                            event("late-0")));
                    case 5 -> earlier;
                    case 6 -> AppendBatch.of(StreamAppend.of(stream("poisoned"), ExpectedRevision.NO_STREAM,
                            event("fine-0"), event("poison")));
                    case 8 -> AppendBatch.of(StreamAppend.of(stream("other"), ExpectedRevision.NO_STREAM,
                            event("earlier-0")));
                    default -> AppendBatch.of(StreamAppend.of(stream("queued-" + thread), ExpectedRevision.NO_STREAM,
                            event("queued-" + thread + "-0"), event("queued-" + thread + "-1")));
                };
                CompletableFuture<AppendResult> result = new CompletableFuture<>();
                callers.add(Thread.ofPlatform().start(() -> {
                    try {
                        result.complete(log.append(batch));
                    } catch (Throwable failure) {
                        result.completeExceptionally(failure);
                    }
                }));
                appends.add(result);
            }
            awaitAllButOneWaiting(callers);
        }

        for (int thread = 0; thread < threads; thread++) {
            CompletableFuture<AppendResult> result = appends.get(thread);
            switch (thread) {
                case 3 -> assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).cause()
                        .isInstanceOfSatisfying(RevisionConflictException.class,
                                conflict -> assertThat(conflict.stream()).isEqualTo(stream("taken")));
                case 5 -> assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(
                        new AppendResult(original.entries(), true));
                case 6 -> assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).cause()
                        .isExactlyInstanceOf(EventLogException.class);
                case 8 -> assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(EventIdConflictException.class);
                default -> assertThat(result.get(30, TimeUnit.SECONDS).entries()).extracting(LogEntry::eventId)
                        .containsExactly("queued-" + thread + "-0", "queued-" + thread + "-1");
            }
        }
        List<LogEntry> stored = log.readAfter(EventLog.BEFORE_FIRST, Integer.MAX_VALUE);
        assertThat(stored).extracting(LogEntry::position).containsExactlyElementsOf(positions(1, 3 + 2 * 6));
        assertThat(stored).extracting(LogEntry::eventId).doesNotContain("late-0", "fine-0", "poison");
        assertThat(log.head(stream("poisoned"))).isEmpty();
        assertThat(log.head(stream("other"))).isEmpty();
        assertThat(log.head(stream("taken")).orElseThrow().revision()).isZero();
    }

    @RepeatedTest(3)
    void appendsQueuedTogetherAreJudgedInArrivalOrderEachSeeingOnlyTheOnesBeforeIt() throws Exception {
        AppendBatch first = AppendBatch.of(StreamAppend.of(stream("s"), ExpectedRevision.NO_STREAM, event("s0")));
        List<AppendBatch> arrivals = List.of(
                AppendBatch.of(StreamAppend.of(stream("lead"), ExpectedRevision.NO_STREAM, event("lead-0"))),
                first,
                AppendBatch.of(StreamAppend.of(stream("s"), ExpectedRevision.of(0), event("s1"))),
                first,
                AppendBatch.of(StreamAppend.of(stream("t"), ExpectedRevision.of(5), event("t-id"))),
                AppendBatch.of(StreamAppend.of(stream("t"), ExpectedRevision.NO_STREAM, event("t-id"))));
        List<CompletableFuture<AppendResult>> results = new ArrayList<>();
        List<Thread> callers = new ArrayList<>();
        try (AutoCloseable hold = holdWrites()) {
            for (AppendBatch batch : arrivals) {
                CompletableFuture<AppendResult> result = new CompletableFuture<>();
                callers.add(Thread.ofPlatform().start(() -> {
                    try {
                        result.complete(log.append(batch));
                    } catch (Throwable failure) {
                        result.completeExceptionally(failure);
                    }
                }));
                results.add(result);
                awaitAllButOneWaiting(callers);
            }
        }

        AppendResult s0 = results.get(1).get(30, TimeUnit.SECONDS);
        assertThat(s0.retried()).isFalse();
        assertThat(results.get(2).get(30, TimeUnit.SECONDS).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.revision()).isEqualTo(1));
        assertThat(results.get(3).get(30, TimeUnit.SECONDS)).isEqualTo(new AppendResult(s0.entries(), true));
        assertThatThrownBy(() -> results.get(4).get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(RevisionConflictException.class,
                        conflict -> assertThat(conflict.actual()).isEqualTo(ExpectedRevision.NO_STREAM));
        assertThat(results.get(5).get(30, TimeUnit.SECONDS).entries()).extracting(LogEntry::eventId)
                .containsExactly("t-id");
        assertThat(log.readAfter(EventLog.BEFORE_FIRST, 10)).extracting(LogEntry::eventId)
                .containsExactly("lead-0", "s0", "s1", "t-id");
    }

    /** Waits until every caller but one (which may hold the turn to write) is parked, queued behind the hold. */
    private static void awaitAllButOneWaiting(List<Thread> callers) throws InterruptedException {
        int stablePolls = 0;
        for (int poll = 0; stablePolls < 5; poll++) {
            assertThat(poll).as("polls for queued appends").isLessThan(3000);
            Thread.sleep(10);
            long waiting = callers.stream().filter(caller -> caller.getState() == Thread.State.WAITING).count();
            stablePolls = waiting >= callers.size() - 1 ? stablePolls + 1 : 0;
        }
    }

    /** Appends one event to each stream at its head, again and again until no other thread is in the way. */
    private int appendAtHeads(List<StreamId> streams, String eventIdPrefix) {
        for (int attempt = 0; ; attempt++) {
            assertThat(attempt).as("attempts to append %s", eventIdPrefix).isLessThan(10_000);
            List<StreamAppend> appends = new ArrayList<>();
            for (StreamId stream : streams) {
                ExpectedRevision expected = log.head(stream).map(StreamHead::expected)
                        .orElse(ExpectedRevision.NO_STREAM);
                appends.add(StreamAppend.of(stream, expected, event(eventIdPrefix + "-" + stream.aggregateId())));
            }
            try {
                return log.append(new AppendBatch(appends)).entries().size();
            } catch (RevisionConflictException lost) {
                Thread.onSpinWait();
            }
        }
    }

    private static boolean awaitQuietly(EventLog log, long position) {
        try {
            return log.awaitAfter(position, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private LogEntry append(StreamId stream, ExpectedRevision expected, String eventId) {
        return log.append(AppendBatch.of(StreamAppend.of(stream, expected, event(eventId)))).entries().getFirst();
    }

    private static List<LogEntry> concat(List<LogEntry> first, List<LogEntry> second) {
        List<LogEntry> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
