package dev.runtape.ledger.bench;

/**
 * One measured configuration: which engine, on which store, at which batch size, with how many writers; its rate, and
 * where the machine's processor time went meanwhile.
 */
record BenchResult(String engine, String store, int batch, int writers, long events, double seconds, CpuUse cpu) {

    double eventsPerSecond() {
        return events / seconds;
    }
}
