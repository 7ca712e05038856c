package dev.runtape.projections.tracking;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.projections.ProjectionProgress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Runs a {@link BatchProjection} on an Axon {@link TrackingEventProcessor} over the ledger's event store: the
 * processor reads the log from the projection's position (its token, {@link ProjectionTokens}) on a thread of its
 * own, hands it each batch ({@link BatchInvoker}), backs off and retries when a batch fails, and waits on the log at
 * its end. {@link #reset()} is the processor's token reset: it stops, the projection is cleared and its token goes
 * back to the log's tail, and it starts again to replay the log from position 0 while the service runs.
 *
 * <p>Safe for use by many threads.
 */
public final class TrackedProjection implements AutoCloseable {

    private final String name;
    private final EventLog log;
    private final BatchProjection projection;
    private final TrackingEventProcessor processor;
    /** Notified after every batch taken in and every reset, for {@link #awaitPosition}. */
    private final Object advanced = new Object();
    private volatile long replays;

    /**
     * A projection named {@code name} (its processor's and its threads' name) fed from {@code events}, the node's
     * event store over {@code log}, up to {@code batchSize} entries a batch. Not started.
     *
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     */
    public TrackedProjection(String name, EventLog log, StreamableMessageSource<TrackedEventMessage<?>> events,
            BatchProjection projection, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.name = name;
        this.log = log;
        this.projection = projection;
        this.processor = TrackingEventProcessor.builder()
                .name("runtape-projection-" + name)
                .eventHandlerInvoker(new BatchInvoker(projection, this::advanced))
                .messageSource(events)
                .tokenStore(new ProjectionTokens(projection))
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andThreadFactory(processorName -> runnable -> Thread.ofPlatform().name(processorName)
                                .daemon().unstarted(runnable)))
                .build();
    }

    /** Starts the processor, if it is not running. */
    public synchronized void start() {
        if (!processor.isRunning()) {
            processor.start();
        }
    }

    /** Stops the processor between two batches, if it runs. */
    public synchronized void stop() {
        processor.shutDown();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Replays the log from position 0: the processor's tokens are reset, which clears the projection, and a
     * processor that was running starts again at once. Queries meanwhile see a projection being rebuilt, which
     * {@link #progress()} shows.
     */
    public synchronized void reset() {
        boolean running = processor.isRunning();
        processor.shutDown();
        processor.resetTokens();
        replays++;
        advanced();
        if (running) {
            processor.start();
        }
    }

    /**
     * Waits until the projection has taken in {@code position}, or the timeout passes: how a query reads what was
     * committed before it.
     *
     * @return whether the projection got there
     */
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (advanced) {
            while (projection.position() < position) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(advanced, left);
            }
        }
        return true;
    }

    /**
     * Starts the processor if need be and waits until the projection holds everything the log held when this was
     * called, or the timeout passes.
     *
     * @return whether it got there
     */
    public boolean catchUp(Duration timeout) throws InterruptedException {
        long last = log.lastPosition();
        start();
        return awaitPosition(last, timeout);
    }

    /** How far the projection has read. */
    public ProjectionProgress progress() {
        long position = projection.position(); // before the log's end, so the lag is never negative
        return new ProjectionProgress(name, position, log.lastPosition(), replays);
    }

    /** Whether the processor runs, and is not backing off after a failed batch. */
    public boolean healthy() {
        return processor.isRunning() && !processor.isError();
    }

    private void advanced() {
        synchronized (advanced) {
            advanced.notifyAll();
        }
    }
}
