package dev.runtape.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one load: every client starts its trajectory, then all append as fast as their answers come for the warm-up
 * and the measured time. Only appends that start and end inside the measured window count; their latencies go into
 * one histogram (microseconds, three significant digits).
 */
final class Load {

    private static final String TASK = "bench-task";

    private Load() {
    }

    /** Runs {@code settings} on {@code appender}; {@code run} keeps ids apart from earlier runs on the same ledger. */
    static LoadResult run(Appender appender, LoadSettings settings, String run) throws Exception {
        String task = TASK + "-" + run;
        appender.defineTask(task);
        List<String> trajectories = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            String trajectory = "bench-" + run + "-" + i;
            appender.start(task, trajectory);
            trajectories.add(trajectory);
        }

        Recorder latencies = new Recorder(3);
        AtomicLong measured = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long measureUntil = measureFrom + settings.time().toNanos();
        CountDownLatch done = new CountDownLatch(settings.clients());
        for (String trajectory : trajectories) {
            Thread.ofPlatform().name("bench-" + trajectory).start(() -> {
                try {
                    long index = 0;
                    while (failure.get() == null) {
                        long before = System.nanoTime();
                        if (before >= measureUntil) {
                            return;
                        }
                        appender.append(trajectory, index, settings.batch());
                        index += settings.batch();
                        long after = System.nanoTime();
                        if (before >= measureFrom && after <= measureUntil) {
                            latencies.recordValue(Math.max(1, (after - before) / 1_000));
                            measured.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("an append on the " + appender.path() + " path failed: "
                    + failure.get().getMessage(), failure.get());
        }
        Histogram histogram = latencies.getIntervalHistogram();
        double seconds = settings.time().toNanos() / 1e9;
        long appends = measured.get();
        return new LoadResult(appender.path(), settings.batch(), settings.clients(), appends, appends / seconds,
                appends * (double) settings.batch() / seconds, millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
