package dev.runtape.ledger.bench;

/** One measured configuration: which engine, on which store, at which batch size, and its rate. */
record BenchResult(String engine, String store, int batch, long events, double seconds) {

    double eventsPerSecond() {
        return events / seconds;
    }
}
