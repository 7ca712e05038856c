package dev.runtape.ledger.integrator;

import dev.runtape.ledger.log.EventLog;
import dev.runtape.verifier.checkpoint.Checkpoint;
import dev.runtape.verifier.checkpoint.CheckpointSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Follows the event log's global order into the Merkle tree: each cycle holds the lease, reads the next batch after
 * the last integrated position, extends the tree in one transaction, and signs a checkpoint when the {@link
 * CheckpointPolicy} says one is due. {@link #start()} runs cycles on a thread of its own, waiting on the log when
 * there is nothing new; {@link #runOnce()} runs one cycle where it is called.
 *
 * <p>Leaf indexes are assigned once and without gaps because the store refuses an extension that does not start
 * where the tree ends ({@link TreeConflictException}); the integrator then reloads and goes on. A node that cannot
 * renew its lease drops what it knew of the tree and only asks for the lease until it gets it back.
 *
 * <p>Safe for use by many threads: cycles run one at a time.
 */
public final class Integrator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Integrator.class.getName());

    private final EventLog log;
    private final TreeStore store;
    private final Supplier<CheckpointSigner> signer;
    private final IntegratorSettings settings;
    private final CheckpointPolicy policy;
    private final Clock clock;

    /** What this node knows of the tree while it leads; null while it does not, or after a failure. */
    private @Nullable Progress progress;
    /** Whether this node took the lease and has not seen it lost or given it up since. */
    private boolean holdsLease;
    private @Nullable Thread thread;
    private volatile boolean running;

    /**
     * An integrator stamping checkpoints with {@code clock}, each signed by the signer {@code signer} gives at that
     * moment: the ledger's primary key then.
     */
    public Integrator(EventLog log, TreeStore store, Supplier<CheckpointSigner> signer, IntegratorSettings settings,
            Clock clock) {
        this.log = log;
        this.store = store;
        this.signer = signer;
        this.settings = settings;
        this.policy = settings.checkpointPolicy();
        this.clock = clock;
    }

    /** An integrator stamping checkpoints with {@code clock}, always signed by {@code signer}. */
    public Integrator(EventLog log, TreeStore store, CheckpointSigner signer, IntegratorSettings settings,
            Clock clock) {
        this(log, store, () -> signer, settings, clock);
    }

    /** An integrator stamping checkpoints with the system clock in UTC. */
    public Integrator(EventLog log, TreeStore store, CheckpointSigner signer, IntegratorSettings settings) {
        this(log, store, signer, settings, Clock.systemUTC());
    }

    /**
     * One cycle: take or renew the lease, integrate up to one batch of new log entries, sign a checkpoint if due.
     *
     * @throws TreeStoreException if the tree store fails, {@link TreeConflictException} if another node extended the
     *     tree meanwhile; either way this node reloads the tree's state on its next cycle
     * @throws dev.runtape.ledger.log.EventLogException if the log fails
     */
    public synchronized IntegrationCycle runOnce() {
        holdsLease = progress != null
                ? store.lease().renew(settings.owner(), settings.leaseTtl())
                : store.lease().tryAcquire(settings.owner(), settings.leaseTtl());
        if (!holdsLease) {
            progress = null;
            return IntegrationCycle.STANDBY;
        }
        try {
            Progress current = progress != null ? progress : Progress.load(store);
            progress = current;
            int leaves = 0;
            int nodes = 0;
            Optional<Progress.Step> step = current.extendWith(log.readAfter(current.lastPosition(),
                    settings.batchSize()));
            if (step.isPresent()) {
                store.extend(step.get().extension());
                current = step.get().after();
                progress = current;
                leaves = step.get().extension().leaves().size();
                nodes = step.get().extension().nodes().size();
            }
            return new IntegrationCycle(true, leaves, nodes, checkpointIfDue(current));
        } catch (RuntimeException e) {
            progress = null;
            throw e;
        }
    }

    /**
     * Starts running cycles on a thread of its own until {@link #stop()}.
     *
     * @throws IllegalStateException if it runs already
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the integrator " + settings.owner() + " runs already");
        }
        running = true;
        thread = Thread.ofPlatform().name("runtape-integrator-" + settings.owner()).daemon().start(this::loop);
    }

    /**
     * Stops the thread that {@link #start()} started, if any, and gives up the lease, so that another node takes
     * over at once instead of after the lease expires. {@link #runOnce()} takes it again if called.
     */
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
        synchronized (this) {
            progress = null;
            if (holdsLease) {
                releaseLease();
                holdsLease = false;
            }
        }
    }

    /** {@link #stop()}, for try-with-resources. */
    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void loop() {
        while (running) {
            try {
                IntegrationCycle cycle = runOnce();
                if (cycle.leading()) {
                    awaitWork();
                } else {
                    Thread.sleep(settings.leaseRenewal());
                }
            } catch (InterruptedException e) {
                return; // stop() interrupts the wait: nothing is half done between cycles
            } catch (RuntimeException e) {
                if (running && !backOff(e)) {
                    return;
                }
            }
        }
    }

    /** Reports a failed cycle and waits before the next; false when interrupted meanwhile. */
    private boolean backOff(RuntimeException failure) {
        if (failure instanceof TreeConflictException) {
            // Another node moved the tree on, as happens around a takeover: reload at once.
            LOG.log(System.Logger.Level.INFO, settings.owner() + " reloads the tree: " + failure.getMessage());
            return true;
        }
        LOG.log(System.Logger.Level.WARNING, "integration cycle of " + settings.owner() + " failed; retrying", failure);
        try {
            Thread.sleep(settings.leaseRenewal());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Waits for new log entries, at most until the lease needs renewing or a checkpoint falls due. */
    private void awaitWork() throws InterruptedException {
        Progress current;
        synchronized (this) {
            current = progress;
        }
        if (current == null) {
            return;
        }
        Duration wait = settings.leaseRenewal();
        Optional<Duration> checkpointDue = policy.untilDue(current.size(), current.latestCheckpoint(), clock.instant());
        if (checkpointDue.isPresent() && checkpointDue.get().compareTo(wait) < 0) {
            wait = checkpointDue.get();
        }
        if (wait.isPositive()) {
            log.awaitAfter(current.lastPosition(), wait);
        }
    }

    /** Signs and stores a checkpoint when one is due, and keeps {@link #progress} in step; returns what it signed. */
    private Optional<SignedCheckpoint> checkpointIfDue(Progress current) {
        Instant now = clock.instant();
        if (!policy.isDue(current.size(), current.latestCheckpoint(), now)) {
            return Optional.empty();
        }
        // Checkpoint times never run backwards, even when the clock does.
        Instant at = current.latest().map(SignedCheckpoint::timestamp).filter(now::isBefore).orElse(now);
        Checkpoint checkpoint = new Checkpoint(settings.origin(), current.size(), current.frontier().root(), at);
        SignedCheckpoint signed = new SignedCheckpoint(checkpoint, signer.get().sign(checkpoint));
        if (store.checkpoints().add(signed)) {
            progress = current.withLatest(signed);
            return Optional.of(signed);
        }
        // A node that lost the lease to us signed this size first: its checkpoint stands.
        progress = current.withLatest(store.checkpoints().ofSize(current.size()).orElse(signed));
        return Optional.empty();
    }

    private void releaseLease() {
        try {
            store.lease().release(settings.owner());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "releasing the integrator lease failed; it will expire", e);
        }
    }
}
