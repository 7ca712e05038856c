package dev.runtape.api.bench;

import java.time.Duration;
import java.util.List;

/**
 * How a load runs: {@code clients} threads, each appending batches of {@code batch} steps to a trajectory of its own
 * and waiting for each answer before the next; {@code warmup} unmeasured, then {@code time} measured.
 */
record LoadSettings(int clients, int batch, Duration warmup, Duration time) {

    LoadSettings {
        if (clients < 1 || batch < 1) {
            throw new IllegalArgumentException("clients and batch must be at least 1: " + clients + ", " + batch);
        }
        if (warmup.isNegative() || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("the measured time must be positive: " + time);
        }
    }

    static List<LoadSettings> each(int clients, List<Integer> batches, Duration warmup, Duration time) {
        return batches.stream().map(batch -> new LoadSettings(clients, batch, warmup, time)).toList();
    }
}
