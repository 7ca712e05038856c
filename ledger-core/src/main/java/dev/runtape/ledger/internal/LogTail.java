package dev.runtape.ledger.internal;

import dev.runtape.ledger.log.EventLogException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where readers of an event log wait for it to grow, for every adapter alike. Appends made through the same log object
 * wake waiters at once; appends by other processes or nodes are seen by polling the store's last position, so a waiter
 * never sleeps longer than {@link #POLL}. (PostgreSQL's LISTEN/NOTIFY would wake them sooner, at the cost of a
 * connection held per log; polling a one-row table or an index end is cheap enough.)
 */
public final class LogTail {

    public static final Duration POLL = Duration.ofMillis(50);

    private static final Duration LONGEST_WAIT = Duration.ofDays(3650);

    /** Reads the last stored position from the database. */
    @FunctionalInterface
    public interface LastPosition {
        long read();
    }

    private final Object monitor = new Object();
    private long committed;
    private boolean closed;

    /** Tells waiters that positions up to {@code position} are committed. */
    public void committed(long position) {
        synchronized (monitor) {
            if (position > committed) {
                committed = position;
                monitor.notifyAll();
            }
        }
    }

    /** Wakes every waiter, which then fails: the log is closed. */
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
    }

    public boolean awaitAfter(long position, Duration timeout, LastPosition stored) throws InterruptedException {
        long deadline = System.nanoTime() + cappedNanos(timeout);
        while (true) {
            if (stored.read() > position) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            if (waitForCommit(position, Math.min(remaining, POLL.toNanos()))) {
                return true;
            }
        }
    }

    /** Capped so that the deadline cannot overflow: a timeout of decades means "forever" all the same. */
    private static long cappedNanos(Duration timeout) {
        return timeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT.toNanos() : timeout.toNanos();
    }

    private boolean waitForCommit(long position, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        synchronized (monitor) {
            while (committed <= position) {
                if (closed) {
                    throw new EventLogException("the event log was closed while waiting for position " + position);
                }
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return true;
        }
    }
}
