package dev.runtape.projections.lineage;

import dev.runtape.projections.ProjectionProgress;
import dev.runtape.ledger.log.EventLog;
import dev.runtape.ledger.log.LogEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Follows the log's global order into a {@link LineageStore}, as the integrator follows it into the tree: each cycle
 * reads the next batch after the store's position ({@link EventLog#readAfter}) and applies every event's updates;
 * {@link #start()} runs cycles on a thread of its own, waiting on the log ({@link EventLog#awaitAfter}) when there is
 * nothing new. The position lives in the store, beside the graphs it describes.
 *
 * <p>{@link #reset()} replays from position 0 while the service runs: the next cycle clears the store and reads the
 * log again from the start. Queries meanwhile see a graph that is being rebuilt, which the progress shows.
 *
 * <p>Safe for use by many threads: cycles run one at a time.
 */
public final class LineageProjection implements AutoCloseable {

    /** The projection's name in metrics and progress reports. */
    public static final String NAME = "lineage";

    private static final System.Logger LOG = System.getLogger(LineageProjection.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration BACK_OFF = Duration.ofSeconds(1);

    private final EventLog log;
    private final LineageStore store;
    private final int batchSize;
    private final LogEvents events = new LogEvents();
    /** Notified after every cycle that took something in, for {@link #awaitPosition}. */
    private final Object advanced = new Object();
    private volatile boolean resetRequested;
    private volatile long replays;
    private volatile boolean running;
    private @Nullable Thread thread;

    /**
     * A projection reading up to {@code batchSize} entries a cycle.
     *
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     */
    public LineageProjection(EventLog log, LineageStore store, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.log = log;
        this.store = store;
        this.batchSize = batchSize;
    }

    public LineageStore store() {
        return store;
    }

    /**
     * One cycle: the replay if one was asked for, then up to one batch of new entries.
     *
     * @return how many entries it took in
     * @throws dev.runtape.ledger.log.EventLogException if the log fails
     */
    public synchronized int runOnce() {
        if (resetRequested) {
            resetRequested = false;
            store.clear();
            replays++;
        }
        List<LogEntry> entries = log.readAfter(store.position(), batchSize);
        for (LogEntry entry : entries) {
            LineageEvent event = events.read(entry);
            store.apply(entry.position(), entry.tenant(), LineageBuilder.updates(event));
        }
        if (!entries.isEmpty()) {
            synchronized (advanced) {
                advanced.notifyAll();
            }
        }
        return entries.size();
    }

    /**
     * Waits until the store has taken in {@code position} (and any replay asked for is past it), or the timeout
     * passes: how a query reads what was committed before it.
     *
     * @return whether the store got there
     */
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (advanced) {
            while (resetRequested || store.position() < position) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(advanced, left);
            }
        }
        return true;
    }

    /** Runs cycles until the store has everything the log held when this was called. */
    public void catchUp() {
        long last = log.lastPosition();
        while (store.position() < last || resetRequested) {
            runOnce();
        }
    }

    /**
     * Asks for a replay from position 0; the running thread does it within its wait on the log (a second at most),
     * or the next {@link #runOnce()}. Not by interrupting the thread: a read of the store is no place for that.
     */
    public void reset() {
        resetRequested = true;
    }

    public ProjectionProgress progress() {
        // The store's position first: read the other way round, an append in between could make the lag negative.
        long position = store.position();
        return new ProjectionProgress(NAME, resetRequested ? 0 : position, log.lastPosition(), replays);
    }

    /**
     * Starts running cycles on a thread of its own until {@link #stop()}.
     *
     * @throws IllegalStateException if it runs already
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the lineage projection runs already");
        }
        running = true;
        thread = Thread.ofPlatform().name("runtape-projection-" + NAME).daemon().start(this::loop);
    }

    /** Stops the thread {@link #start()} started, if any, between two cycles. */
    public void stop() throws InterruptedException {
        Thread started;
        synchronized (this) {
            started = thread;
            thread = null;
            running = false;
        }
        if (started != null) {
            started.interrupt();
            started.join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void loop() {
        while (running) {
            try {
                if (runOnce() == 0 && !resetRequested) {
                    log.awaitAfter(store.position(), WAIT);
                }
            } catch (InterruptedException e) {
                return; // stop() interrupts the wait: nothing is half done between cycles
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the lineage projection failed at position "
                        + store.position() + "; it tries again", e);
                try {
                    Thread.sleep(BACK_OFF);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
