package dev.runtape.projections.lineage;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import dev.runtape.projections.ProjectionProgress;
import dev.runtape.projections.tracking.BatchProjection;
import dev.runtape.projections.tracking.TrackedProjection;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Follows the log's global order into a {@link LineageStore} on an Axon tracking processor ({@link TrackedProjection}):
 * each batch's events become the store's updates, and the position the store keeps beside its graphs is the
 * processor's token. {@link #reset()} is the processor's token reset, which clears the store and replays the log from
 * position 0 while the service runs; queries meanwhile see a graph that is being rebuilt, which the progress shows.
 * The store is in memory, so a node starts from position 0.
 *
 * <p>Safe for use by many threads.
 */
public final class LineageProjection implements AutoCloseable {

    /** The projection's name in metrics and progress reports. */
    public static final String NAME = "lineage";

    private final LineageStore store;
    private final TrackedProjection tracked;

    /**
     * A projection of {@code events}, the node's event store over {@code log}, taking up to {@code batchSize} entries
     * a batch. Not started.
     *
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     */
    public LineageProjection(EventLog log, StreamableMessageSource<TrackedEventMessage<?>> events, LineageStore store,
            int batchSize) {
        this.store = store;
        this.tracked = new TrackedProjection(NAME, log, events, new Updates(store), batchSize);
    }

    public LineageStore store() {
        return store;
    }

    /** The events of a batch as the store's updates. */
    private static final class Updates implements BatchProjection {

        private final LineageStore store;
        private final LogEvents events = new LogEvents();

        Updates(LineageStore store) {
            this.store = store;
        }

        @Override
        public long position() {
            return store.position();
        }

        @Override
        public void apply(List<LogEntry> entries) {
            for (LogEntry entry : entries) {
                store.apply(entry.position(), entry.tenant(), LineageBuilder.updates(events.read(entry)));
            }
        }

        @Override
        public void clear() {
            store.clear();
        }
    }

    /**
     * Waits until the store has taken in {@code position}, or the timeout passes: how a query reads what was
     * committed before it.
     *
     * @return whether the store got there
     */
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        return tracked.awaitPosition(position, timeout);
    }

    /**
     * Starts the processor if need be and waits until the store has everything the log held when this was called.
     *
     * @return whether it got there within {@code timeout}
     */
    public boolean catchUp(Duration timeout) throws InterruptedException {
        return tracked.catchUp(timeout);
    }

    /** Replays the log from position 0 (the processor's token reset), while the service runs. */
    public void reset() {
        tracked.reset();
    }

    public ProjectionProgress progress() {
        return tracked.progress();
    }

    /** Starts the processor, if it is not running. */
    public void start() {
        tracked.start();
    }

    /** Stops the processor between two batches. */
    public void stop() {
        tracked.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
