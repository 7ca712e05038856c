package dev.runtape.ledger.storage.kurrent;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in, not KurrentDB: an in-memory gRPC server on a free loopback port that answers the two calls of
 * KurrentDB's streams service the adapter uses ({@code Append} and {@code Read}, of streams and of {@code $all}),
 * built from the service base class and messages shipped in the official client's jar.
 *
 * <p>What it keeps of KurrentDB: stream revisions from 0, the four expected-revision kinds and the
 * wrong-expected-version answer with the actual revision, KurrentDB's idempotent append (the same event ids at the
 * expected revision are acknowledged again and not written), one global log whose commit and prepare positions grow
 * (by the bytes of each event, so they have gaps as KurrentDB's do), the {@code created} timestamp in 100 ns ticks,
 * forward and backward reads with a count, and "stream not found". What it leaves out: subscriptions, filters,
 * deletes, ACLs, persistence, clustering, and every other service (answered UNIMPLEMENTED).
 */
final class KurrentStandIn implements AutoCloseable {

    private record Stored(String stream, long revision, long position, Shared.UUID id, Map<String, String> metadata,
            ByteString customMetadata, ByteString data) {}

    private final Object lock = new Object();
    private final Map<String, List<Stored>> streams = new HashMap<>();
    private final List<Stored> all = new ArrayList<>();
    private long nextPosition = 1024;
    private final AtomicReference<@Nullable String> poison = new AtomicReference<>();
    private final AtomicReference<@Nullable CountDownLatch> hold = new AtomicReference<>();
    private final AtomicInteger appendCalls = new AtomicInteger();
    private final Server server;

    private KurrentStandIn() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new StreamsService())
                .build()
                .start();
    }

    static KurrentStandIn start() throws IOException {
        return new KurrentStandIn();
    }

    /** How the official client reaches this server. */
    String connectionString() {
        return "kurrentdb://127.0.0.1:" + server.getPort() + "?tls=false";
    }

    /** Refuses, with INTERNAL, every append one of whose events' data contains {@code text}. */
    void failAppendsContaining(String text) {
        poison.set(text);
    }

    /** Stores appends again after {@link #failAppendsContaining}. */
    void stopFailing() {
        poison.set(null);
    }

    /** Keeps every append waiting, before it is judged, until the returned hold is closed. */
    AutoCloseable holdAppends() {
        CountDownLatch latch = new CountDownLatch(1);
        hold.set(latch);
        return () -> {
            hold.set(null);
            latch.countDown();
        };
    }

    /** The number of {@code Append} calls that reached the server. */
    int appendCalls() {
        return appendCalls.get();
    }

    /** The number of events in the global log. */
    int eventCount() {
        synchronized (lock) {
            return all.size();
        }
    }

    @Override
    public void close() throws InterruptedException {
        CountDownLatch held = hold.getAndSet(null);
        if (held != null) {
            held.countDown();
        }
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class StreamsService extends StreamsGrpc.StreamsImplBase {

        @Override
        public StreamObserver<AppendReq> append(StreamObserver<AppendResp> response) {
            appendCalls.incrementAndGet();
            return new StreamObserver<>() {
                private AppendReq.@Nullable Options options;
                private final List<AppendReq.ProposedMessage> proposed = new ArrayList<>();

                @Override
                public void onNext(AppendReq request) {
                    if (request.hasOptions()) {
                        options = request.getOptions();
                    } else {
                        proposed.add(request.getProposedMessage());
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    // the client gave up: nothing to store
                }

                @Override
                public void onCompleted() {
                    if (options == null) {
                        response.onError(Status.INVALID_ARGUMENT.withDescription("no options").asRuntimeException());
                        return;
                    }
                    awaitRelease();
                    String text = poison.get();
                    if (text != null && proposed.stream().anyMatch(m -> m.getData().toStringUtf8().contains(text))) {
                        response.onError(Status.INTERNAL.withDescription("poisoned by the test").asRuntimeException());
                        return;
                    }
                    response.onNext(store(options, proposed));
                    response.onCompleted();
                }
            };
        }

        @Override
        public void read(ReadReq request, StreamObserver<ReadResp> response) {
            ReadReq.Options options = request.getOptions();
            if (!options.hasCount() || options.hasFilter()) {
                response.onError(Status.UNIMPLEMENTED.withDescription("the stand-in reads with a count and no filter")
                        .asRuntimeException());
                return;
            }
            boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
            boolean stringIds = options.getUuidOption().hasString();
            List<Stored> selected;
            synchronized (lock) {
                if (options.hasStream()) {
                    String name = options.getStream().getStreamIdentifier().getStreamName().toStringUtf8();
                    List<Stored> events = streams.get(name);
                    if (events == null) {
                        response.onNext(ReadResp.newBuilder().setStreamNotFound(ReadResp.StreamNotFound.newBuilder()
                                .setStreamIdentifier(options.getStream().getStreamIdentifier())).build());
                        response.onCompleted();
                        return;
                    }
                    selected = select(events, options.getStream(), forwards, options.getCount());
                } else {
                    selected = selectAll(options.getAll(), forwards, options.getCount());
                }
            }
            for (Stored event : selected) {
                response.onNext(ReadResp.newBuilder().setEvent(readEvent(event, stringIds)).build());
            }
            response.onCompleted();
        }
    }

    private void awaitRelease() {
        CountDownLatch held = hold.get();
        if (held != null) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private AppendResp store(AppendReq.Options options, List<AppendReq.ProposedMessage> proposed) {
        String name = options.getStreamIdentifier().getStreamName().toStringUtf8();
        synchronized (lock) {
            List<Stored> events = streams.getOrDefault(name, List.of());
            long current = events.size() - 1;
            boolean holds = switch (options.getExpectedStreamRevisionCase()) {
                case REVISION -> options.getRevision() == current;
                case NO_STREAM -> current == -1;
                case STREAM_EXISTS -> current >= 0;
                case ANY, EXPECTEDSTREAMREVISION_NOT_SET -> true;
            };
            long expected = options.getExpectedStreamRevisionCase() == AppendReq.Options.ExpectedStreamRevisionCase
                    .REVISION ? options.getRevision() : options.hasNoStream() ? -1 : current;
            if (!holds && !alreadyStored(events, expected, proposed)) {
                return wrongExpectedVersion(options, current);
            }
            if (alreadyStored(events, expected, proposed)) {
                Stored last = events.get((int) expected + proposed.size());
                return success(last.revision(), last.position());
            }
            List<Stored> stream = streams.computeIfAbsent(name, n -> new ArrayList<>());
            Instant now = Instant.now();
            String created = Long.toString(now.getEpochSecond() * 10_000_000L + now.getNano() / 100);
            for (AppendReq.ProposedMessage message : proposed) {
                Map<String, String> metadata = new LinkedHashMap<>(message.getMetadataMap());
                metadata.put("created", created);
                Stored event = new Stored(name, stream.size(), nextPosition, message.getId(), metadata,
                        message.getCustomMetadata(), message.getData());
                nextPosition += 64 + message.getData().size();
                stream.add(event);
                all.add(event);
            }
            if (proposed.isEmpty()) {
                return current < 0 ? AppendResp.newBuilder().setSuccess(AppendResp.Success.newBuilder()
                        .setNoStream(Shared.Empty.getDefaultInstance())
                        .setNoPosition(Shared.Empty.getDefaultInstance())).build() : success(current, nextPosition);
            }
            Stored last = stream.getLast();
            return success(last.revision(), last.position());
        }
    }

    /** KurrentDB's idempotence: the same event ids, in order, right after the expected revision. */
    private static boolean alreadyStored(List<Stored> events, long expected, List<AppendReq.ProposedMessage> proposed) {
        if (proposed.isEmpty() || expected + proposed.size() >= events.size()) {
            return false;
        }
        for (int i = 0; i < proposed.size(); i++) {
            if (!events.get((int) expected + 1 + i).id().equals(proposed.get(i).getId())) {
                return false;
            }
        }
        return true;
    }

    private static AppendResp success(long revision, long position) {
        return AppendResp.newBuilder().setSuccess(AppendResp.Success.newBuilder()
                .setCurrentRevision(revision)
                .setPosition(AppendResp.Position.newBuilder().setCommitPosition(position)
                        .setPreparePosition(position))).build();
    }

    private static AppendResp wrongExpectedVersion(AppendReq.Options options, long current) {
        AppendResp.WrongExpectedVersion.Builder wrong = AppendResp.WrongExpectedVersion.newBuilder();
        if (current < 0) {
            wrong.setCurrentNoStream(Shared.Empty.getDefaultInstance());
        } else {
            wrong.setCurrentRevision(current);
        }
        switch (options.getExpectedStreamRevisionCase()) {
            case REVISION -> wrong.setExpectedRevision(options.getRevision());
            case NO_STREAM -> wrong.setExpectedNoStream(Shared.Empty.getDefaultInstance());
            case STREAM_EXISTS -> wrong.setExpectedStreamExists(Shared.Empty.getDefaultInstance());
            default -> wrong.setExpectedAny(Shared.Empty.getDefaultInstance());
        }
        return AppendResp.newBuilder().setWrongExpectedVersion(wrong).build();
    }

    private static List<Stored> select(List<Stored> events, ReadReq.Options.StreamOptions from, boolean forwards,
            long count) {
        long start = switch (from.getRevisionOptionCase()) {
            case REVISION -> from.getRevision();
            case END -> forwards ? events.size() : events.size() - 1;
            default -> forwards ? 0 : events.size() - 1;
        };
        List<Stored> selected = new ArrayList<>();
        for (long r = forwards ? start : Math.min(start, events.size() - 1);
                selected.size() < count && r >= 0 && r < events.size(); r += forwards ? 1 : -1) {
            selected.add(events.get((int) r));
        }
        return selected;
    }

    private List<Stored> selectAll(ReadReq.Options.AllOptions from, boolean forwards, long count) {
        List<Stored> ordered = new ArrayList<>(all);
        if (!forwards) {
            java.util.Collections.reverse(ordered);
        }
        long position = from.hasPosition() ? from.getPosition().getCommitPosition() : -1;
        List<Stored> selected = new ArrayList<>();
        for (Stored event : ordered) {
            if (selected.size() >= count) {
                break;
            }
            boolean after = position < 0 || (forwards ? event.position() >= position : event.position() < position);
            if (from.hasEnd() && forwards) {
                after = false;
            }
            if (after) {
                selected.add(event);
            }
        }
        return selected;
    }

    private static ReadResp.ReadEvent readEvent(Stored event, boolean stringIds) {
        Shared.UUID id = stringIds && event.id().hasStructured()
                ? Shared.UUID.newBuilder().setString(new java.util.UUID(event.id().getStructured()
                        .getMostSignificantBits(), event.id().getStructured().getLeastSignificantBits()).toString())
                        .build()
                : event.id();
        return ReadResp.ReadEvent.newBuilder()
                .setEvent(ReadResp.ReadEvent.RecordedEvent.newBuilder()
                        .setId(id)
                        .setStreamIdentifier(Shared.StreamIdentifier.newBuilder()
                                .setStreamName(ByteString.copyFromUtf8(event.stream())))
                        .setStreamRevision(event.revision())
                        .setCommitPosition(event.position())
                        .setPreparePosition(event.position())
                        .putAllMetadata(event.metadata())
                        .setCustomMetadata(event.customMetadata())
                        .setData(event.data()))
                .setCommitPosition(event.position())
                .build();
    }
}
