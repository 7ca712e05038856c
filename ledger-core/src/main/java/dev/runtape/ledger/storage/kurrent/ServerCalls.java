package dev.runtape.ledger.storage.kurrent;

import dev.runtape.ledger.log.EventLogException;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for one call of the client, with a time limit, and turns its failure into the log's: the two answers the log
 * acts on ({@link WrongExpectedVersionException}, {@link StreamNotFoundException}) come out as they are, anything else
 * as an {@link EventLogException} whose cause is the client's or gRPC's own exception.
 */
final class ServerCalls {

    private final Duration timeout;
    private final String server;

    ServerCalls(Duration timeout, String server) {
        this.timeout = timeout;
        this.server = server;
    }

    <T> T await(CompletableFuture<T> call, String what) {
        try {
            if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
                // The client completes its calls on the common pool: a worker of it that waited without telling the
                // pool could hold the very thread the answer needs (with 2 cores the pool has only one).
                ForkJoinPool.managedBlock(new Waiting(call, timeout));
                if (!call.isDone()) {
                    throw new TimeoutException();
                }
            }
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof WrongExpectedVersionException || cause instanceof StreamNotFoundException) {
                throw (RuntimeException) cause;
            }
            throw new EventLogException("KurrentDB " + server + ": could not " + what + ": " + cause, cause);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new EventLogException("KurrentDB " + server + ": could not " + what + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new EventLogException("KurrentDB " + server + ": interrupted while waiting to " + what, e);
        }
    }

    /** Waits for a call on behalf of the fork-join pool, which meanwhile may start another worker. */
    private record Waiting(CompletableFuture<?> call, Duration timeout) implements ForkJoinPool.ManagedBlocker {

        @Override
        public boolean block() throws InterruptedException {
            try {
                call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException outcome) {
                // judged by the caller, which looks at the call again
            }
            return true;
        }

        @Override
        public boolean isReleasable() {
            return call.isDone();
        }
    }
}
