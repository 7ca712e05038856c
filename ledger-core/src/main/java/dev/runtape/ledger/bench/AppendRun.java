package dev.runtape.ledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measurement: {@code threads} writers, each appending batches of {@code batch} events to its own trajectory
 * through the target's storage engine, for a warm-up and then for the measured time. Every append is durable when it
 * returns (both engines commit a transaction per batch), so events per second are durable appends per second.
 */
final class AppendRun {

    private AppendRun() {
    }

    static BenchResult measure(AppendTarget target, int batch, int threads, Duration warmup, Duration measured)
            throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong events = new AtomicLong();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            BenchEvents writer = new BenchEvents(target.engine() + "-" + batch + "-" + t);
            Thread.ofPlatform().name("bench-writer-" + t).start(() -> {
                try {
                    while (!stop.get()) {
                        target.storage().appendEvents(writer.nextBatch(batch));
                        if (counting.get()) {
                            events.addAndGet(batch);
                        }
                    }
                } catch (Throwable failure) {
                    failures.add(failure);
                    stop.set(true);
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(warmup);
        counting.set(true);
        MachineUse.Reading before = MachineUse.Reading.now(target.server());
        Thread.sleep(measured);
        long appended = events.get();
        MachineUse.Reading after = MachineUse.Reading.now(target.server());
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        stop.set(true);
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(target.engine() + " on " + target.store() + " failed",
                    failures.getFirst());
        }
        return new BenchResult(target.engine(), target.store(), batch, threads, appended, seconds,
                before.until(after));
    }
}
