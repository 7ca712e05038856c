package dev.runtape.ledger.storage.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official client's calls that the adapter makes, against {@link KurrentStandIn}: a stand-in, not KurrentDB. It
 * pins what the adapter relies on from the protocol (expected revisions, the wrong-expected-version answer,
 * idempotent appends, reads of a stream and of {@code $all}, the {@code created} timestamp), as far as a stand-in
 * built from the client's own service definitions can; the same behaviour on a real server is what
 * {@link KurrentEventLogTest} checks when {@code KURRENTDB_CONNECTION_STRING} is set.
 */
class KurrentProtocolStandInTest {

    private KurrentStandIn standIn;
    private KurrentDBClient client;

    @BeforeEach
    void start() throws Exception {
        standIn = KurrentStandIn.start();
        client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(standIn.connectionString()));
    }

    @AfterEach
    void stop() throws Exception {
        client.shutdown().get(10, TimeUnit.SECONDS);
        standIn.close();
    }

    @Test
    void anAppendExpectingNoStreamCreatesTheStreamFromRevisionZero() throws Exception {
        WriteResult written = append("s", StreamState.noStream(), event("one"), event("two"));

        assertThat(written.getNextExpectedRevision()).isEqualTo(StreamState.streamRevision(1));
        assertThat(written.getLogPosition().getCommitUnsigned()).isPositive();
        assertThat(read("s", 0, 10)).extracting(RecordedEvent::getRevision).containsExactly(0L, 1L);
    }

    @Test
    void anAppendAtAStaleRevisionIsRefusedWithTheActualRevision() throws Exception {
        append("s", StreamState.noStream(), event("one"), event("two"));

        assertThatThrownBy(() -> append("s", StreamState.streamRevision(0), event("late")))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(WrongExpectedVersionException.class, wrong -> {
                    assertThat(wrong.getStreamName()).isEqualTo("s");
                    assertThat(wrong.getExpectedState()).isEqualTo(StreamState.streamRevision(0));
                    assertThat(wrong.getActualState()).isEqualTo(StreamState.streamRevision(1));
                });
        assertThatThrownBy(() -> append("new", StreamState.streamRevision(3), event("x")))
                .cause().isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        wrong -> assertThat(wrong.getActualState()).isEqualTo(StreamState.noStream()));
        assertThatThrownBy(() -> append("s", StreamState.noStream(), event("again")))
                .cause().isInstanceOf(WrongExpectedVersionException.class);
        assertThat(standIn.eventCount()).isEqualTo(2);
    }

    @Test
    void theSameEventIdsAtTheSameExpectedRevisionAreAcknowledgedAgainAndStoredOnce() throws Exception {
        EventData one = event("one");
        WriteResult first = append("s", StreamState.noStream(), one);

        WriteResult again = append("s", StreamState.noStream(), one);

        assertThat(again.getNextExpectedRevision()).isEqualTo(first.getNextExpectedRevision());
        assertThat(standIn.eventCount()).isEqualTo(1);
        assertThat(standIn.appendCalls()).isEqualTo(2);
    }

    @Test
    void aReadGivesBackIdTypeDataAndTheServersCreationTime() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventData written = EventData.builderAsBinary(UUID.randomUUID(), "task.noted", new byte[] {0, (byte) 0xff, 7})
                .metadataAsBytes("{\"k\":1}".getBytes(StandardCharsets.UTF_8)).build();
        append("s", StreamState.noStream(), written);
        Instant after = Instant.now();

        RecordedEvent read = read("s", 0, 1).getFirst();

        assertThat(read.getEventId()).isEqualTo(written.getEventId());
        assertThat(read.getEventType()).isEqualTo("task.noted");
        assertThat(read.getEventData()).containsExactly(0, 0xff, 7);
        assertThat(read.getUserMetadata()).isEqualTo(written.getUserMetadata());
        assertThat(read.getCreated()).isBetween(before, after);
    }

    @Test
    void readingAStreamPagesFromARevisionAndBackwardsFromTheEnd() throws Exception {
        append("s", StreamState.noStream(), event("0"), event("1"), event("2"), event("3"));

        assertThat(read("s", 1, 2)).extracting(RecordedEvent::getRevision).containsExactly(1L, 2L);
        assertThat(read("s", 4, 10)).isEmpty();
        List<ResolvedEvent> last = client.readStream("s", ReadStreamOptions.get().backwards().fromEnd().maxCount(1))
                .get(10, TimeUnit.SECONDS).getEvents();
        assertThat(last).extracting(e -> e.getEvent().getRevision()).containsExactly(3L);
    }

    @Test
    void readingAStreamThatDoesNotExistFailsWithStreamNotFound() {
        assertThatThrownBy(() -> read("missing", 0, 10)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(StreamNotFoundException.class,
                        missing -> assertThat(missing.getStreamName()).isEqualTo("missing"));
    }

    @Test
    void readingAllGivesEveryStreamsEventsInCommitOrderWithGrowingPositions() throws Exception {
        append("a", StreamState.noStream(), event("a0"));
        append("b", StreamState.noStream(), event("b0"), event("b1"));
        append("a", StreamState.streamRevision(0), event("a1"));

        List<RecordedEvent> all = client.readAll(ReadAllOptions.get().forwards().fromStart().maxCount(100))
                .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getEvent).toList();

        assertThat(all).extracting(RecordedEvent::getStreamId).containsExactly("a", "b", "b", "a");
        assertThat(all).extracting(e -> e.getPosition().getCommitUnsigned()).isSorted().doesNotHaveDuplicates();
        RecordedEvent third = all.get(2);
        List<RecordedEvent> fromThird = client.readAll(ReadAllOptions.get().forwards().fromPosition(
                third.getPosition()).maxCount(100)).get(10, TimeUnit.SECONDS).getEvents().stream()
                .map(ResolvedEvent::getEvent).toList();
        assertThat(fromThird).extracting(RecordedEvent::getStreamId).containsExactly("b", "a");
    }

    @Test
    void aStoreFailureReachesTheCallerAsAFailedFuture() {
        standIn.failAppendsContaining("poison");

        assertThatThrownBy(() -> append("s", StreamState.noStream(), event("poison")))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(io.grpc.StatusRuntimeException.class)
                .hasMessageContaining("poisoned by the test");
        assertThat(standIn.eventCount()).isZero();
    }

    private WriteResult append(String stream, StreamState expected, EventData... events) throws Exception {
        return client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected), events)
                .get(10, TimeUnit.SECONDS);
    }

    private List<RecordedEvent> read(String stream, long fromRevision, long count) throws Exception {
        return client.readStream(stream, ReadStreamOptions.get().forwards().fromRevision(fromRevision).maxCount(count))
                .get(10, TimeUnit.SECONDS).getEvents().stream().map(ResolvedEvent::getEvent).toList();
    }

    private static EventData event(String text) {
        return EventData.builderAsBinary(UUID.randomUUID(), "t", text.getBytes(StandardCharsets.UTF_8)).build();
    }
}
