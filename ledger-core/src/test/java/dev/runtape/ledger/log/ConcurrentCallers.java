package dev.runtape.ledger.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on several real threads released at the same moment, and hands back what each returned. */
final class ConcurrentCallers {

    /** The work of thread number {@code thread} (from 0). */
    @FunctionalInterface
    interface Task<T> {
        T run(int thread) throws Exception;
    }

    private ConcurrentCallers() {}

    /**
     * The results in thread order. The first thread that throws fails the call with an {@code ExecutionException}
     * whose cause is what it threw.
     */
    static <T> List<T> run(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int number = thread;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(number);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
