package dev.runtape.api.bench;

/**
 * What one load measured: appends (each one StepsRecorded statement, signed and durable) and steps per second, and
 * the latency of an append as its client saw it, in milliseconds.
 */
public record LoadResult(String path, int batch, int clients, long appends, double appendsPerSecond,
        double stepsPerSecond, double p50Millis, double p99Millis, double maxMillis) {
}
